import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaroWinkler } from '../../../functions/core/risk/aml/jaro-winkler.js';
import { normalizeName } from '../../../functions/core/risk/aml/normalize.js';
import { buildScreeningIndex, parseSanctionsList, type ScreeningIndex } from '../../../functions/core/risk/aml/sanctions-list.js';
import { screenName } from '../../../functions/core/risk/aml/screen.js';
import { detectStructuring } from '../../../functions/core/risk/aml/structuring.js';

async function sampleIndex(): Promise<ScreeningIndex> {
  const json: unknown = JSON.parse(await readFile(new URL('../../../functions/core/risk/aml/sample-sanctions.json', import.meta.url), 'utf8'));
  const parsed = parseSanctionsList(json);
  if (!parsed.ok) throw new Error(parsed.path);
  return buildScreeningIndex(parsed.list);
}

describe('Jaro–Winkler', () => {
  it('matches the published reference values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('is symmetric, in [0, 1] and 1 on identical strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      const s = jaroWinkler(a, b);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1 + 1e-12);
      expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
      expect(jaroWinkler(a, a)).toBe(1);
    }));
  });
});

describe('sanctions screening', () => {
  it('normalises diacritics, case, punctuation, particles and token order', () => {
    expect(normalizeName('TAVARES, Maria da Conceição')).toBe(normalizeName('maria conceicao tavares'));
  });

  it('finds listed names through typos, reordering, accents, aliases and a missing middle name', async () => {
    const index = await sampleIndex();
    for (const [query, id] of [
      ['Joaquim Ferreira Baltasar', 'SAMPLE-0001'],
      ['BALTAZAR, Joaquim Ferreira', 'SAMPLE-0001'],
      ['Evgenia Morozkova', 'SAMPLE-0002'],
      ['Maria Conceicao Tavares', 'SAMPLE-0004'],
      ['Abdul Karim Nassouri', 'SAMPLE-0006'],
      ['Orion Meridian Trading', 'SAMPLE-0003'],
    ] as const) {
      const r = screenName(index, query);
      expect(r.hit, query).toBe(true);
      expect(r.matches[0]!.entry_id, query).toBe(id);
    }
  });

  it('does not flag unrelated names or a lone shared surname', async () => {
    const index = await sampleIndex();
    for (const q of ['João da Silva', 'Maria Oliveira', 'Tavares', 'Ana Beatriz Souza']) expect(screenName(index, q).hit, q).toBe(false);
  });

  it('rejects a malformed list with the path of the bad field', () => {
    const r = parseSanctionsList({ format: 'agentpay-sanctions/v1', source: 's', generated_at: 'x', entries: [{ id: 'a', list: 'UN', type: 'person', name: 'X Y' }] });
    expect(r).toMatchObject({ ok: false, path: 'entries.0.type' });
  });
});

describe('structuring detection', () => {
  const limit = 1_000_000;
  const cfg = { limit, near_fraction: 0.9, window_ms: 86_400_000, min_count: 3 };
  it('flags several payments just under the limit within the window that together exceed it', () => {
    const recent = [{ at: 0, amount: 950_000 }, { at: 3_600_000, amount: 990_000 }];
    expect(detectStructuring(recent, { at: 7_200_000, amount: 999_999 }, cfg)).toMatchObject({ detected: true, near_limit_count: 3 });
  });
  it('ignores payments at or over the limit, far below it, or outside the window', () => {
    const recent = [{ at: 0, amount: 1_000_000 }, { at: 1, amount: 500_000 }, { at: -90_000_000, amount: 950_000 }];
    expect(detectStructuring(recent, { at: 2, amount: 950_000 }, cfg).detected).toBe(false);
  });
});
