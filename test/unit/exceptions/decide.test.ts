import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideException, type AttemptFailure, type ExceptionContext } from '../../../functions/core/exceptions/decide.js';
import { FAILURE_CODES, kindOfCode } from '../../../functions/core/exceptions/failure-codes.js';
import { attemptsInWindow, capFor, EMPTY_HISTORY, recordAttempt, type CardRetryHistory } from '../../../functions/core/exceptions/retry-caps.js';

const HOUR = 3_600_000;
const ctx = (over: Partial<ExceptionContext> = {}): ExceptionContext => ({
  now: Date.UTC(2025, 0, 1), method: 'card', brand: 'visa', card_history: recordAttempt(EMPTY_HISTORY, Date.UTC(2025, 0, 1)),
  remaining_processors: 2, customer_present: true, pix_available: false, ...over,
});

const arbFailure: fc.Arbitrary<AttemptFailure> = fc.record({
  code: fc.constantFrom(...FAILURE_CODES),
  visa_category: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), { nil: undefined }),
  mc_advice_code: fc.option(fc.constantFrom('01', '02', '03', '04', '21', '24', '25', '26', '27', '28', '29', '30', '40', '41', '43', '77'), { nil: undefined }),
}).map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as AttemptFailure);

const arbCtx = fc.record({
  brand: fc.constantFrom('visa', 'mastercard', 'elo'), remaining: fc.integer({ min: 0, max: 3 }),
  present: fc.boolean(), pix: fc.boolean(), prior: fc.integer({ min: 0, max: 20 }),
}).map(({ brand, remaining, present, pix, prior }) => {
  const now = Date.UTC(2025, 0, 10);
  let h: CardRetryHistory = EMPTY_HISTORY;
  for (let i = 0; i < prior; i++) h = recordAttempt(h, now - i * 60_000);
  return ctx({ now, brand, card_history: h, remaining_processors: remaining, customer_present: present, pix_available: pix });
});

describe('decideException', () => {
  it('never retries a hard decline elsewhere (nor later), whatever the context', () => {
    fc.assert(fc.property(arbFailure, arbCtx, (f, c) => {
      const d = decideException(f, c);
      if (d.kind === 'hard_decline' || kindOfCode(f.code) === 'hard_decline') {
        expect(d.action).not.toBe('retry_elsewhere_now');
        expect(d.action).not.toBe('retry_later');
      }
    }));
  });

  it('never retries Visa category 1 or Mastercard MAC 03/21', () => {
    fc.assert(fc.property(fc.constantFrom(...FAILURE_CODES), arbCtx, (code, c) => {
      for (const f of [{ code, visa_category: 1 as const }, { code, mc_advice_code: '03' }, { code, mc_advice_code: '21' }]) {
        const d = decideException(f, { ...c, brand: f.visa_category ? 'visa' : 'mastercard' });
        if (kindOfCode(code) !== 'timeout' && kindOfCode(code) !== 'processor_outage') {
          expect(['retry_elsewhere_now', 'retry_later']).not.toContain(d.action);
        }
      }
    }));
  });

  it('never lets a card exceed its network reattempt cap, over any sequence of failures', () => {
    fc.assert(fc.property(fc.array(arbFailure, { minLength: 1, maxLength: 60 }), fc.constantFrom('visa', 'mastercard'), (failures, brand) => {
      const cap = capFor(brand);
      let now = Date.UTC(2025, 0, 1);
      let h = recordAttempt(EMPTY_HISTORY, now);
      for (const f of failures) {
        const d = decideException(f, ctx({ now, brand, card_history: h, remaining_processors: 3, customer_present: false }));
        if (d.action === 'retry_elsewhere_now') now += 1_000;
        else if (d.action === 'retry_later') now = Date.parse(d.at);
        else continue;
        h = recordAttempt(h, now, cap.window_ms);
        expect(attemptsInWindow(h, now, cap)).toBeLessThanOrEqual(cap.max_attempts);
      }
    }));
  });

  it('cascades on a soft decline and an outage, and asks to void the first attempt after a timeout', () => {
    expect(decideException({ code: 'do_not_honor' }, ctx())).toMatchObject({ action: 'retry_elsewhere_now', void_previous: false });
    expect(decideException({ code: 'processor_unavailable' }, ctx())).toMatchObject({ action: 'retry_elsewhere_now', kind: 'processor_outage' });
    expect(decideException({ code: 'timeout' }, ctx())).toMatchObject({ action: 'retry_elsewhere_now', void_previous: true });
  });

  it('waits (merchant-initiated) or degrades to Pix (customer present) when the card needs time', () => {
    const later = decideException({ code: 'insufficient_funds' }, ctx({ customer_present: false }));
    expect(later).toMatchObject({ action: 'retry_later', at: new Date(Date.UTC(2025, 0, 2)).toISOString() });
    expect(decideException({ code: 'insufficient_funds' }, ctx({ pix_available: true }))).toMatchObject({ action: 'degrade', offer: 'pix' });
    expect(decideException({ code: 'do_not_honor', mc_advice_code: '24' }, ctx({ brand: 'mastercard', customer_present: false })))
      .toMatchObject({ action: 'retry_later', at: new Date(Date.UTC(2025, 0, 1) + HOUR).toISOString() });
  });

  it('sends issuer fraud signals to review and data errors to fail', () => {
    expect(decideException({ code: 'stolen_card' }, ctx()).action).toBe('review');
    expect(decideException({ code: 'incorrect_cvc' }, ctx({ pix_available: true })).action).toBe('fail');
  });

  it('stops retrying once the cap is reached, scheduling after the window frees up', () => {
    const now = Date.UTC(2025, 0, 1);
    let h = EMPTY_HISTORY;
    for (let i = 0; i < 10; i++) h = recordAttempt(h, now - i * 1_000);
    const d = decideException({ code: 'do_not_honor' }, ctx({ brand: 'mastercard', card_history: h, customer_present: false }));
    expect(d.action).toBe('retry_later');
    if (d.action === 'retry_later') expect(Date.parse(d.at)).toBeGreaterThan(now - 9_000 + 24 * HOUR);
  });
});
