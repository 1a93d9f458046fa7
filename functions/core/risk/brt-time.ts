/**
 * Hour of day in America/Sao_Paulo without a time-zone database: Brazil abolished daylight
 * saving time in 2019 (Decreto 9.772/2019), so BRT is a fixed UTC−3 for any date we score.
 */
export const BRT_OFFSET_MS = -3 * 3_600_000;

export function brtHour(epochMs: number): number {
  const local = epochMs + BRT_OFFSET_MS;
  // Double modulo: correct (and never -0) for instants before 1970 too.
  return ((Math.floor(local / 3_600_000) % 24) + 24) % 24;
}

/** Parses an RFC 3339 time to epoch ms; throws RangeError when it is not a valid time. */
export function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid time: ${iso}`);
  return ms;
}

/**
 * Night-time for Pix scams. Banco Central's night-time Pix limit covers 20:00–06:00 local
 * (Resolução BCB 142/2021); we flag the deeper 22:00–06:00, where legit volume is low.
 */
export function isNightBrt(epochMs: number): boolean {
  const h = brtHour(epochMs);
  return h >= 22 || h < 6;
}
