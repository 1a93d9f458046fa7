import { nameTokens } from './normalize.js';

/**
 * Sanctions/PEP list in our own neutral JSON format (`agentpay-sanctions/v1`, see README.md for
 * the fields and how to convert the UN, OFAC SDN and EU consolidated lists into it).
 */
export type SanctionsEntry = {
  readonly id: string;
  readonly list: string;
  readonly type: 'individual' | 'entity';
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly countries?: readonly string[];
  readonly program?: string;
  readonly listed_on?: string;
};

export type SanctionsList = {
  readonly format: 'agentpay-sanctions/v1';
  readonly source: string;
  readonly generated_at: string;
  readonly entries: readonly SanctionsEntry[];
};

/** An entry's names, pre-tokenised once so screening a payment does no normalisation work on the list. */
export type IndexedName = { readonly entry: SanctionsEntry; readonly name: string; readonly tokens: readonly string[]; readonly sorted: string };

export type ScreeningIndex = { readonly names: readonly IndexedName[]; readonly byToken: ReadonlyMap<string, readonly number[]> };

/**
 * Validates unknown JSON as a {@link SanctionsList}. Returns the list or the path of the first bad
 * field (the core takes no schema library dependency for this small shape).
 */
export function parseSanctionsList(json: unknown): { ok: true; list: SanctionsList } | { ok: false; path: string; message: string } {
  const bad = (path: string, message: string) => ({ ok: false as const, path, message });
  if (typeof json !== 'object' || json === null) return bad('', 'expected an object');
  const o = json as Record<string, unknown>;
  if (o.format !== 'agentpay-sanctions/v1') return bad('format', 'expected "agentpay-sanctions/v1"');
  if (typeof o.source !== 'string') return bad('source', 'expected a string');
  if (typeof o.generated_at !== 'string') return bad('generated_at', 'expected a string');
  if (!Array.isArray(o.entries)) return bad('entries', 'expected an array');
  for (let i = 0; i < o.entries.length; i++) {
    const e = o.entries[i] as Record<string, unknown> | null;
    const p = `entries.${i}`;
    if (typeof e !== 'object' || e === null) return bad(p, 'expected an object');
    for (const f of ['id', 'list', 'name'] as const) if (typeof e[f] !== 'string' || e[f] === '') return bad(`${p}.${f}`, 'expected a non-empty string');
    if (e.type !== 'individual' && e.type !== 'entity') return bad(`${p}.type`, 'expected "individual" or "entity"');
    for (const f of ['aliases', 'countries'] as const) {
      if (e[f] !== undefined && !(Array.isArray(e[f]) && (e[f] as unknown[]).every((x) => typeof x === 'string'))) return bad(`${p}.${f}`, 'expected an array of strings');
    }
  }
  return { ok: true, list: json as SanctionsList };
}

/** Builds the screening index: every name and alias tokenised, plus a token → names map for blocking. */
export function buildScreeningIndex(list: SanctionsList): ScreeningIndex {
  const names: IndexedName[] = [];
  const byToken = new Map<string, number[]>();
  for (const entry of list.entries) {
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      const tokens = nameTokens(name);
      if (tokens.length === 0) continue;
      const idx = names.length;
      names.push({ entry, name, tokens, sorted: [...tokens].sort().join(' ') });
      for (const t of new Set(tokens.map((x) => x.slice(0, 2)))) {
        const arr = byToken.get(t) ?? [];
        arr.push(idx);
        byToken.set(t, arr);
      }
    }
  }
  return { names, byToken };
}
