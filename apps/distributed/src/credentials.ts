import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoData } from '@mutasi/demo-data';
import { toDate } from '@mutasi/domain';
import { generateSignerKey } from '@mutasi/integrity';
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
export async function localCredentials(dir: string, issuer: string, audience: string, origin: string): Promise<{ publicKey: string; ledgerKeyFile: string; tokensFile: string }> {
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
  return { publicKey: tokens.publicKeyPem, ledgerKeyFile, tokensFile };
}

/** Writes the same keys as a docker compose env file (`docker compose --env-file <file> up`); returns its path. */
export function writeComposeEnv(dir: string, credentials: { publicKey: string; ledgerKeyFile: string }): string {
  const file = join(dir, 'compose.env');
  const oneLine = (text: string): string => text.trim().replace(/\n/g, '\\n');
  writeFileSync(file, [
    '# Written by `npm run compose:env`: the services verify tokens with this public key; audit-service signs tree heads.',
    `AUTH_PUBLIC_KEY='${oneLine(credentials.publicKey)}'`,
    `LEDGER_SIGNER_KEY='${readFileSync(credentials.ledgerKeyFile, 'utf8').trim()}'`,
    '',
  ].join('\n'), { mode: 0o600 });
  return file;
}
