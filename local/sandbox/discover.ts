/** Imports every `local/sandbox/<name>/index.ts` so that each registers itself. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function discoverSandboxes(dir = fileURLToPath(new URL('.', import.meta.url))): Promise<string[]> {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const index = join(dir, entry.name, 'index.ts');
    if (!existsSync(index)) continue;
    await import(pathToFileURL(index).href);
    found.push(entry.name);
  }
  return found;
}
