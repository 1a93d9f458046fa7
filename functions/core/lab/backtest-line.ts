import * as z from 'zod';
import { issuePath, type ParseResult } from './scenario.js';

/**
 * One line of `agentpay risk backtest` input (DESIGN.md §6, fixed contract). Unknown fields are
 * ignored (lines may come from richer exports); `counterparty_name`, `processor_risk_score` and
 * `mandate` are optional extensions the risk core can use when present.
 */
export const BacktestLineSchema = z.object({
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  agent_id: z.string().min(1),
  merchant_id: z.string().min(1),
  amount: z.number().int().min(0),
  currency: z.string().regex(/^[a-z]{3}$/, 'lowercase ISO 4217 code'),
  method: z.string().min(1),
  card_fingerprint: z.string().min(1).optional(),
  pix_key: z.string().min(1).optional(),
  device_id: z.string().min(1).optional(),
  ip: z.string().min(1).optional(),
  country: z.string().min(1).optional(),
  label: z.enum(['fraud', 'legit']).optional(),
  counterparty_name: z.string().optional(),
  processor_risk_score: z.number().min(0).max(100).optional(),
  mandate: z.object({ budget: z.number().int().min(0), spent: z.number().int().min(0) }).optional(),
});

export type BacktestLine = z.infer<typeof BacktestLineSchema>;

/** Parses one JSONL line; on failure names the field (`amount`) or `(json)` for unparsable text. */
export function parseBacktestLine(text: string): ParseResult<BacktestLine> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, path: '(json)', message: e instanceof Error ? e.message : 'invalid JSON' };
  }
  const r = BacktestLineSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, path: issuePath(issue.path), message: issue.message };
}
