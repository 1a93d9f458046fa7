/**
 * Budget periods in UTC. A period key names the counter a reservation lands on: the payment's
 * time decides the period, so every payment of the same day/ISO week/month shares one counter.
 */
import type { BudgetPeriod } from './types.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** ISO 8601 week-numbering year and week of a UTC instant (weeks start on Monday). */
export function isoWeek(at: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const day = d.getUTCDay() || 7;
  // The Thursday of this week decides the week-numbering year (ISO 8601 §2.2.10).
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/** `day#2026-11-22`, `week#2026-W47`, `month#2026-11`, `total`. */
export function periodKey(period: BudgetPeriod, at: Date): string {
  switch (period) {
    case 'day':
      return `day#${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    case 'week': {
      const w = isoWeek(at);
      return `week#${w.year}-W${pad(w.week)}`;
    }
    case 'month':
      return `month#${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}`;
    case 'total':
      return 'total';
    default: {
      const never: never = period;
      throw new Error(`unknown budget period ${String(never)}`);
    }
  }
}
