import * as z from 'zod';

/**
 * Scenario schema v1 (DESIGN.md §6) — a fixed contract. Strict objects: a misspelt field is an
 * error with its path rather than a silently ignored setting. One optional extension,
 * `success_rate_adjust`, lets a processor be better or worse on one segment (brand, currency or
 * method), which is what makes sparse segments worth learning separately.
 */
const int = z.number().int();
const nonNegInt = int.min(0);

const Mix = z.strictObject({
  method: z.string().min(1),
  currency: z.string().regex(/^[a-z]{3}$/, 'lowercase ISO 4217 code'),
  brand: z.string().min(1).optional(),
  weight: z.number().positive(),
  amount: z.strictObject({ min: nonNegInt, max: nonNegInt }).refine((a) => a.max >= a.min, { message: 'max must be >= min', path: ['max'] }),
});

const RatePoint = z.strictObject({ from: nonNegInt, rate: z.number().min(0).max(1) });

const Processor = z.strictObject({
  id: z.string().min(1),
  methods: z.array(z.string().min(1)).min(1),
  currencies: z.array(z.string().regex(/^[a-z]{3}$/, 'lowercase ISO 4217 code')).min(1),
  fee: z.strictObject({ percent_bps: nonNegInt, fixed: nonNegInt }),
  latency_ms: z.strictObject({ p50: z.number().positive(), p99: z.number().positive() }).refine((l) => l.p99 >= l.p50, { message: 'p99 must be >= p50', path: ['p99'] }),
  success_rate: z.array(RatePoint).min(1)
    .refine((a) => a[0]!.from === 0, { message: 'the first point must start at 0', path: [0, 'from'] })
    .refine((a) => a.every((p, i) => i === 0 || p.from > a[i - 1]!.from), { message: 'points must have increasing from' }),
  outages: z.array(z.strictObject({ from: nonNegInt, to: nonNegInt }).refine((o) => o.to > o.from, { message: 'to must be > from', path: ['to'] })).optional(),
  success_rate_adjust: z.array(z.strictObject({
    brand: z.string().optional(), currency: z.string().optional(), method: z.string().optional(),
    delta: z.number().min(-1).max(1),
  })).optional(),
});

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  seed: int,
  transactions: int.min(1).max(5_000_000),
  mix: z.array(Mix).min(1),
  processors: z.array(Processor).min(1),
}).superRefine((s, ctx) => {
  const ids = new Set<string>();
  s.processors.forEach((p, i) => {
    if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate processor id ${p.id}`, path: ['processors', i, 'id'] });
    ids.add(p.id);
  });
  s.mix.forEach((m, i) => {
    if (!s.processors.some((p) => p.methods.includes(m.method) && p.currencies.includes(m.currency))) {
      ctx.addIssue({ code: 'custom', message: `no processor accepts ${m.method}/${m.currency}`, path: ['mix', i] });
    }
  });
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioProcessor = Scenario['processors'][number];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

/** Dotted path of a zod issue (`processors.0.fee.fixed`); the root is "(root)". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Validates unknown JSON as a v1 scenario; on failure gives the first issue's field path. */
export function parseScenario(json: unknown): ParseResult<Scenario> {
  const r = ScenarioSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, path: issuePath(issue.path), message: issue.message };
}
