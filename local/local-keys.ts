/**
 * `<dataDir>/local-keys.json`: the generated admin key and the demo merchant's key, so a restart
 * on persistent data prints keys that still work. In-memory runs never read or write it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface LocalKeys {
  adminKey?: string;
  demoMerchant?: { id: string; secret_key: string; adminKeyHash: string };
}

export function readLocalKeys(file: string): LocalKeys {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalKeys;
  } catch {
    return {};
  }
}

export function writeLocalKeys(file: string, keys: LocalKeys): void {
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
}
