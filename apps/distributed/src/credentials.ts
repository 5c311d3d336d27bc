import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoData } from '@mutasi/demo-data';
import { toDate } from '@mutasi/domain';
import { cosignerVerifierKey, generateCosignerKey, generateSignerKey, verifierKeyFromSignerKey } from '@mutasi/integrity';
import { DevTokenIssuer } from '@mutasi/platform';

function secretFile(path: string, make: () => string): string {
  if (!existsSync(path)) {
    writeFileSync(path, make(), { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  return readFileSync(path, 'utf8');
}

/**
 * The keys a local distributed deployment needs, kept in `dir` between runs: the token signing key (services
 * get only its public half, AUTH_PUBLIC_KEY), the ledger signing key (audit-service, LEDGER_SIGNER_KEY_FILE), and
 * a 12-hour token for every demo user in `tokens.json`, since distributed mode has no dev sign-in endpoint.
 */
export async function localCredentials(
  dir: string,
  issuer: string,
  audience: string,
  origin: string,
): Promise<{ publicKey: string; ledgerKeyFile: string; ledgerVerifierKey: string; tokensFile: string }> {
  mkdirSync(dir, { recursive: true });
  const privatePem = secretFile(join(dir, 'token-signing-key.pem'), () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const ledgerKeyFile = join(dir, 'ledger-signer.key');
  secretFile(ledgerKeyFile, () => `${generateSignerKey(origin.replace(/[^A-Za-z0-9.\-/_]/g, '_'))}\n`);
  const tokens = await DevTokenIssuer.fromPrivateKeyPem(privatePem, issuer, audience);
  const users = buildDemoData(toDate(new Date().toISOString())).users;
  const signed: Record<string, string> = {};
  for (const user of users) signed[user.userId] = await tokens.sign(user);
  const tokensFile = join(dir, 'tokens.json');
  writeFileSync(tokensFile, `${JSON.stringify(signed, null, 2)}\n`, { mode: 0o600 });
  return { publicKey: tokens.publicKeyPem, ledgerKeyFile, ledgerVerifierKey: verifierKeyFromSignerKey(readFileSync(ledgerKeyFile, 'utf8').trim()), tokensFile };
}

/** A local witness's key and data dir under `dir/witnesses/<name>`, generated on first use. */
export function witnessKey(dir: string, name: string): { file: string; dataDir: string; verifierKey: string } {
  const dataDir = join(dir, 'witnesses', name);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'witness.key');
  const key = secretFile(file, () => `${generateCosignerKey(name)}\n`).trim();
  return { file, dataDir, verifierKey: cosignerVerifierKey(key) };
}

/** Writes the same keys as a docker compose env file (`docker compose --env-file <file> up`); returns its path. */
export function writeComposeEnv(
  dir: string,
  credentials: { publicKey: string; ledgerKeyFile: string },
  witnesses: readonly { service: string; verifierKey: string }[] = [],
): string {
  const file = join(dir, 'compose.env');
  const oneLine = (text: string): string => text.trim().replace(/\n/g, '\\n');
  writeFileSync(
    file,
    [
      '# Written by `npm run compose:env`: the services verify tokens with this public key; audit-service signs tree heads.',
      `AUTH_PUBLIC_KEY='${oneLine(credentials.publicKey)}'`,
      `LEDGER_SIGNER_KEY='${readFileSync(credentials.ledgerKeyFile, 'utf8').trim()}'`,
      `LEDGER_VERIFIER_KEY='${verifierKeyFromSignerKey(readFileSync(credentials.ledgerKeyFile, 'utf8').trim())}'`,
      `LEDGER_WITNESSES='${witnesses.map((w) => `http://${w.service}:3010 ${w.verifierKey}`).join(',')}'`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return file;
}
