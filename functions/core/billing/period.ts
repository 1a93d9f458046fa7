/**
 * Billing periods. Period n starts at `start` plus n × (interval × count), always computed from the
 * anchor (never from the previous period) so month-end clamping does not drift: a subscription
 * from 31 Jan renews 28/29 Feb, then 31 Mar (as Stripe and Pix Automático's monthly cycle do).
 */
import type { Interval } from './types.js';

const DAY_MS = 86_400_000;

function addMonthsClamped(anchor: Date, months: number): Date {
  const y = anchor.getUTCFullYear();
  const monthIndex = anchor.getUTCMonth() + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(anchor.getUTCDate(), lastDay), anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()));
}

/** Start of period `n` (0-based) of a subscription anchored at `startAt`. */
export function periodStart(startAt: string, interval: Interval, count: number, n: number): Date {
  const anchor = new Date(startAt);
  switch (interval) {
    case 'week': return new Date(anchor.getTime() + n * count * 7 * DAY_MS);
    case 'month': return addMonthsClamped(anchor, n * count);
    case 'year': return addMonthsClamped(anchor, n * count * 12);
  }
}

/** `[start, end)` of period `n`. */
export function periodBounds(startAt: string, interval: Interval, count: number, n: number): { start: string; end: string } {
  return { start: periodStart(startAt, interval, count, n).toISOString(), end: periodStart(startAt, interval, count, n + 1).toISOString() };
}
