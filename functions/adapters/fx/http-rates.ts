/**
 * FxRates from a live provider over HTTP (skeleton): `GET <base>/latest?base=usd` answering
 * `{ "base": "usd", "as_of": "YYYY-MM-DD", "rates": { "brl": "5.4213", … } }` with rates as
 * decimal strings — numbers are refused, so no float ever reaches the pricing core. Answers are
 * cached for `ttlMs`. Point `FX_RATES_URL` at a provider (or an adapter service) speaking this.
 */
import type { FxRates } from '../../app/ports/fx-rates.js';
import type { RateTable } from '../../core/fx/index.js';

export class HttpFxRates implements FxRates {
  private cached: { table: RateTable; at: number } | undefined;
  constructor(
    private readonly baseUrl: string,
    private readonly opts: { ttlMs?: number; fetch?: typeof fetch; now?: () => number; timeoutMs?: number } = {},
  ) {}

  async table(): Promise<RateTable> {
    const now = (this.opts.now ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.opts.ttlMs ?? 60_000)) return this.cached.table;
    const res = await (this.opts.fetch ?? fetch)(`${this.baseUrl.replace(/\/$/, '')}/latest?base=usd`, { signal: AbortSignal.timeout(this.opts.timeoutMs ?? 3_000) });
    if (!res.ok) throw new Error(`FX provider answered ${res.status}`);
    const body = (await res.json()) as { base?: unknown; as_of?: unknown; rates?: Record<string, unknown> };
    const rates: Record<string, string> = {};
    for (const [c, v] of Object.entries(body.rates ?? {})) {
      if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v)) throw new Error(`FX provider sent a non-decimal-string rate for ${c}`);
      rates[c.toLowerCase()] = v;
    }
    if (typeof body.base !== 'string' || typeof body.as_of !== 'string') throw new Error('FX provider answer lacks base/as_of');
    const table = { base: body.base.toLowerCase(), as_of: body.as_of, rates };
    this.cached = { table, at: now };
    return table;
  }
}
