import type { RateTable } from '../../core/fx/index.js';

/** Where FX reference rates come from (a shipped table locally, a live provider on request). */
export interface FxRates {
  table(): Promise<RateTable>;
}
