/**
 * DESIGN.md §3's dependency rule, enforced: core imports nothing outside core (pure libraries
 * only); app imports core, contracts and its ports; adapters never import handlers; lib and local
 * never import each other; only functions/config.ts reads process.env; core never reads the clock
 * or draws randomness.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) out.push(...files(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every import specifier of a file, resolved to a repo-relative path for relative imports. */
function imports(file: string): string[] {
  const src = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? normalize(join(dirname(file), s)).replace(/\.js$/, '.ts') : s));
}

const layer = (p: string) => (p.startsWith('functions/') ? p.split('/').slice(0, 2).join('/') : p.split('/')[0]!);

function violations(dir: string, allowed: (target: string, file: string) => boolean): string[] {
  return files(dir).flatMap((f) => imports(f).filter((t) => !allowed(t, f)).map((t) => `${f} → ${t}`));
}

const PURE_LIBS = new Set(['node:crypto', 'zod']);

describe('dependency rule (DESIGN.md §3)', () => {
  it('core imports only core and pure libraries', () => {
    expect(violations('functions/core', (t) => (t.startsWith('functions/core/') ? true : !t.startsWith('functions/') && !t.startsWith('.') && PURE_LIBS.has(t)))).toEqual([]);
  });

  it('app imports only app, core and contracts (ports are its own), never adapters or handlers', () => {
    expect(violations('functions/app', (t) => !t.startsWith('functions/') ? !t.startsWith('@aws-sdk/client') || t === '@aws-sdk/client-dynamodb' : ['functions/app', 'functions/core', 'functions/contracts'].includes(layer(t)))).toEqual([]);
  });

  it('adapters never import handlers, lib or local', () => {
    expect(violations('functions/adapters', (t) => !['functions/handlers', 'lib', 'local'].includes(layer(t)) && !t.startsWith('lib/') && !t.startsWith('local/'))).toEqual([]);
  });

  it('contracts import only contracts and core', () => {
    expect(violations('functions/contracts', (t) => !t.startsWith('functions/') || ['functions/contracts', 'functions/core'].includes(layer(t)))).toEqual([]);
  });

  it('lib (CDK) imports only contracts from the functions, and never local', () => {
    expect(violations('lib', (t) => (t.startsWith('functions/') ? layer(t) === 'functions/contracts' : !t.startsWith('local/')))).toEqual([]);
  });

  it('functions never import lib or local', () => {
    expect(violations('functions', (t) => !t.startsWith('lib/') && !t.startsWith('local/'))).toEqual([]);
  });

  it('only functions/config.ts reads process.env', () => {
    const readers = files('functions').filter((f) => f !== 'functions/config.ts' && /process\.env/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(readers).toEqual([]);
  });

  it('core never reads the clock or draws randomness', () => {
    const code = (f: string) => readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const offenders = files('functions/core').filter((f) => /Date\.now\(|new Date\(\)|Math\.random\(|randomUUID\(|randomBytes\(/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('resolves relative imports to files that exist (the rule above sees real paths)', () => {
    const missing = files('functions').flatMap((f) => imports(f).filter((t) => t.startsWith('functions/') && !safeExists(t)).map((t) => `${f} → ${t}`));
    expect(missing).toEqual([]);
  });
});

function safeExists(p: string): boolean {
  try {
    return statSync(join(ROOT, p)).isFile();
  } catch {
    return false;
  }
}
