import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cosignerVerifierKey, generateCosignerKey, parseCosignerSignerKey } from '@mutasi/integrity';
import { WitnessConfigError, type WitnessConfig } from './witness-config';

/** The witness's cosigning key and where it came from. */
export interface WitnessKey {
  readonly name: string;
  /** `PRIVATE+KEY+<name>+<id>+<base64(0x04 ‖ seed)>`: never log it. */
  readonly signerKey: string;
  /** `<name>+<id>+<base64(0x04 ‖ public key)>`: what verifiers put in their witness policy. */
  readonly verifierKey: string;
  readonly file: string;
  readonly generated: boolean;
}

/**
 * Loads the witness signer key from WITNESS_KEY_FILE, or from `<data dir>/witness.key`, generating that file (mode
 * 600) on first start when WITNESS_NAME says what to call the key. A key whose name differs from WITNESS_NAME is
 * refused: verifiers know the witness by that name.
 * @throws WitnessConfigError naming the variable and the fix
 */
export function loadWitnessKey(config: Pick<WitnessConfig, 'name' | 'keyFile' | 'dataDir'>, log: (line: string) => void): WitnessKey {
  const file = config.keyFile ?? join(config.dataDir, 'witness.key');
  const variable = config.keyFile !== null ? 'WITNESS_KEY_FILE' : 'WITNESS_DATA_DIR';
  if (config.keyFile !== null && !existsSync(file)) {
    throw new WitnessConfigError([
      `WITNESS_KEY_FILE: ${file} does not exist; point it at the witness signer key, or leave it unset to generate one into <WITNESS_DATA_DIR>/witness.key`,
    ]);
  }
  let generated = false;
  if (!existsSync(file)) {
    if (config.name === null) {
      throw new WitnessConfigError([`WITNESS_NAME is required on first start, to name the key generated into ${file}: a schema-less URL such as witness.inspektorat.example`]);
    }
    let signerKey: string;
    try {
      signerKey = generateCosignerKey(config.name);
    } catch (error: unknown) {
      throw new WitnessConfigError([`WITNESS_NAME: ${error instanceof Error ? error.message : String(error)}`]);
    }
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${signerKey}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    generated = true;
  }
  const key = readKey(file, variable);
  if (config.name !== null && config.name !== key.name) {
    throw new WitnessConfigError([`WITNESS_NAME is ${config.name} but the key in ${file} is named ${key.name}: set WITNESS_NAME=${key.name}, or use a key of that name`]);
  }
  if (generated) log(`generated the witness key in ${file} (mode 600; back it up, never share it); verifier key: ${key.verifierKey}`);
  else if ((statSync(file).mode & 0o077) !== 0) log(`warning: ${file} can be read by other users; chmod 600 it`);
  return { ...key, file, generated };
}

function readKey(file: string, variable: string): { name: string; signerKey: string; verifierKey: string } {
  const signerKey = readFileSync(file, 'utf8').trim();
  try {
    const { name } = parseCosignerSignerKey(signerKey);
    return { name, signerKey, verifierKey: cosignerVerifierKey(signerKey) };
  } catch (error: unknown) {
    throw new WitnessConfigError([
      `${variable}: ${file} does not hold a witness signer key (${error instanceof Error ? error.message : String(error)}); it must be one line PRIVATE+KEY+<name>+<id>+<base64(0x04 ‖ seed)>`,
    ]);
  }
}
