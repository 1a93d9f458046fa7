import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../functions/core/exceptions/decide.js';
import { FAILURE_CODES, isFailureCode, kindOfCode } from '../../../functions/core/exceptions/failure-codes.js';
import { mastercardAdvice, visaAdvice } from '../../../functions/core/exceptions/network-signals.js';

describe('failure taxonomy', () => {
  it('classifies every normalized code into one of the five kinds', () => {
    const kinds = new Set(['hard_decline', 'soft_decline', 'data_error', 'processor_outage', 'timeout']);
    for (const c of FAILURE_CODES) expect(kinds.has(kindOfCode(c))).toBe(true);
    expect(isFailureCode('timeout')).toBe(true);
    expect(isFailureCode('nope')).toBe(false);
  });

  it.each([
    ['card_declined', 'hard_decline'], ['stolen_card', 'hard_decline'], ['insufficient_funds', 'soft_decline'],
    ['do_not_honor', 'soft_decline'], ['incorrect_cvc', 'data_error'], ['expired_card', 'data_error'],
    ['processor_unavailable', 'processor_outage'], ['processing_error', 'processor_outage'], ['timeout', 'timeout'],
  ] as const)('maps %s to %s', (code, kind) => {
    expect(kindOfCode(code)).toBe(kind);
  });

  it('maps the four Visa decline categories', () => {
    expect(visaAdvice(1)).toMatchObject({ kind: 'hard_decline', retryable: false });
    expect(visaAdvice(2)).toMatchObject({ kind: 'soft_decline', retryable: true });
    expect(visaAdvice(3)).toMatchObject({ kind: 'data_error', retryable: false });
    expect(visaAdvice(4)).toMatchObject({ kind: 'soft_decline', retryable: true });
  });

  it('maps Mastercard advice codes, with waiting times for 24–30 and never-retry for 03 and 21', () => {
    expect(mastercardAdvice('03')).toMatchObject({ retryable: false });
    expect(mastercardAdvice('21')).toMatchObject({ retryable: false });
    expect(mastercardAdvice('1')).toMatchObject({ kind: 'data_error' });
    expect(mastercardAdvice('24')!.retry_after_ms).toBe(3_600_000);
    expect(mastercardAdvice('30')!.retry_after_ms).toBe(10 * 86_400_000);
    expect(mastercardAdvice('40')).toMatchObject({ retryable: false });
    expect(mastercardAdvice('99')).toBeUndefined();
  });

  it('lets a network signal tighten a soft code, but never loosen a hard decline or a fraud code', () => {
    expect(classifyFailure({ code: 'do_not_honor', visa_category: 1 }, 'visa')).toMatchObject({ kind: 'hard_decline', retryable: false });
    expect(classifyFailure({ code: 'stolen_card', visa_category: 2 }, 'visa').retryable).toBe(false);
    expect(classifyFailure({ code: 'card_declined', visa_category: 4 }, 'visa')).toMatchObject({ kind: 'hard_decline', retryable: false });
    expect(classifyFailure({ code: 'timeout', visa_category: 1 }, 'visa').kind).toBe('timeout');
    // A MAC on a Visa card is ignored: the networks' signals are brand-specific.
    expect(classifyFailure({ code: 'do_not_honor', mc_advice_code: '03' }, 'visa').retryable).toBe(true);
  });
});
