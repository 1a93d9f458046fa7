import type { RoutingRequest } from './types.js';

/**
 * Segment keys, finest last: processor → +method+currency → +brand (or BIN range) → +amount band.
 * Every outcome updates all levels; a decision backs off from the finest level to coarser ones
 * according to how much evidence each has (see posterior.ts).
 */
export const SEGMENT_LEVELS = 4;

/** Upper bounds (exclusive, minor units) of the amount bands; the last band is open-ended. */
export const AMOUNT_BAND_EDGES: readonly number[] = [1_000, 5_000, 20_000, 100_000, 500_000];

export function amountBand(amount: number): number {
  let i = 0;
  while (i < AMOUNT_BAND_EDGES.length && amount >= AMOUNT_BAND_EDGES[i]!) i++;
  return i;
}

/** Brand when known, else the first 6 BIN digits, else "-" (e.g. Pix). */
export function brandOrBin(req: Pick<RoutingRequest, 'brand' | 'bin'>): string {
  if (req.brand) return req.brand.toLowerCase();
  if (req.bin) return `bin:${req.bin.slice(0, 6)}`;
  return '-';
}

/** The segment keys for one processor, coarsest first (length SEGMENT_LEVELS). */
export function segmentKeys(processor: string, req: Pick<RoutingRequest, 'method' | 'currency' | 'brand' | 'bin' | 'amount'>): string[] {
  const l1 = `${processor}|${req.method}|${req.currency}`;
  const l2 = `${l1}|${brandOrBin(req)}`;
  return [processor, l1, l2, `${l2}|b${amountBand(req.amount)}`];
}
