import { createPublicKey } from 'node:crypto';
import { generateKeyPair, importPKCS8, importSPKI, SignJWT } from 'jose';
import { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

/**
 * Standalone mode only (`AUTH_DEV_TOKENS=true`, loopback only): signs tokens for the seeded demo users with a key
 * generated at start, so the demo needs no identity provider. Tokens die with the process.
 */
export class DevTokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly verifier: TokenVerifier,
    private readonly issuer: string,
    private readonly audience: string,
    readonly publicKeyPem = '',
  ) {}

  static async create(issuer: string, audience: string): Promise<DevTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA');
    return new DevTokenIssuer(privateKey, TokenVerifier.forKey(publicKey, issuer, audience), issuer, audience);
  }

  /**
   * An issuer with a key kept by the caller (PKCS#8 PEM, Ed25519): the local distributed launcher mints demo tokens
   * that its services verify with the matching AUTH_PUBLIC_KEY.
   */
  static async fromPrivateKeyPem(pem: string, issuer: string, audience: string): Promise<DevTokenIssuer> {
    const publicPem = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
    return new DevTokenIssuer(await importPKCS8(pem, 'EdDSA'), TokenVerifier.forKey(await importSPKI(publicPem, 'EdDSA'), issuer, audience), issuer, audience, publicPem);
  }

  /** A token for `user`, valid for 12 hours. */
  sign(user: Principal): Promise<string> {
    return new SignJWT({ name: user.name, agencyId: user.agencyId, roles: [...user.roles], ...(user.nip ? { nip: user.nip } : {}) })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(user.userId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.privateKey);
  }
}
