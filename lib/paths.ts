import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (contract paths such as `functions/handlers/…` and `statemachines/…` are relative to it). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const fromRoot = (relative: string): string => join(REPO_ROOT, relative);
