/**
 * The local default FxRates: the reference table shipped in reference-rates.json (its `as_of`
 * date says how old it is). Loaded once; rates stay decimal strings.
 */
import type { FxRates } from '../../app/ports/fx-rates.js';
import type { RateTable } from '../../core/fx/index.js';
import table from './reference-rates.json' with { type: 'json' };

export class ReferenceFxRates implements FxRates {
  async table(): Promise<RateTable> {
    return { base: table.base, rates: table.rates, as_of: table.as_of };
  }
}
