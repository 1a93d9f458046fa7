/**
 * The money-safety edges of the saga (found in review): a committed payment is never undone, a
 * capture that landed despite an error is refunded, and an attempt whose outcome was unknown is
 * released before another processor's charge commits. Real ASL, in-memory ports.
 */
import { describe, expect, it } from 'vitest';
import type { AuthorizeRequest, AuthorizeResult, CaptureRequest, CaptureResult } from '../../../functions/app/ports/card-processor.js';
import type { BudgetReservations } from '../../../functions/app/saga/deps.js';
import { totalsByCurrency } from '../../../functions/core/ledger/index.js';
import { world } from '../../support/payments-world.js';
import { ScriptedProcessor } from '../../support/scripted-processor.js';

/** Charges the card but answers as if the connection timed out (outcome unknown). */
class ChargesThenTimesOut extends ScriptedProcessor {
  override async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    await super.authorize(req);
    return { status: 'error', code: 'timeout', message: 'timeout', outcomeUnknown: true };
  }
}

/** Captures at the processor, then the response is lost. */
class CapturesThenThrows extends ScriptedProcessor {
  override async capture(req: CaptureRequest): Promise<CaptureResult> {
    await super.capture(req);
    throw new Error('socket hang up');
  }
}

describe('saga money safety', () => {
  it('an earlier attempt that timed out but charged is voided or refunded before the next processor’s charge commits', async () => {
    const a = new ChargesThenTimesOut('acq_a');
    const w = await world({ a });
    const p = await w.pay('safety-1');
    expect(p.status).toBe('succeeded');
    expect(p.processor).toBe('acq_b');
    expect(a.charges.size).toBe(1);
    expect(a.live()).toBe(0);
    expect(w.b.live()).toBe(1);
  });

  it('a capture that landed although its call failed is refunded by compensation, not left charged on a failed payment', async () => {
    const a = new CapturesThenThrows('acq_a', 'approve', false);
    const w = await world({ a });
    const p = await w.pay('safety-2');
    expect(p.status).toBe('failed');
    const [charge] = [...a.charges.values()];
    expect(charge?.captured).toBe(1990);
    expect(charge?.refunded).toBe(1990);
    expect(await w.ledger.balances('mer_1')).toEqual([]);
  });

  it('a failure after the commit write (settling the budget) never undoes the succeeded payment', async () => {
    const budgets: BudgetReservations = {
      reserve: async () => undefined,
      release: async () => undefined,
      settle: async () => { throw Object.assign(new Error('counter busy'), { name: 'TransactionConflict' }); },
    };
    const w = await world({ budgets });
    const p = await w.pay('safety-3', { payer: { merchantId: 'mer_1', agentId: 'agt_1', mandateId: 'mdt_1' } });
    expect(p.status).toBe('succeeded');
    expect((await w.payments.getById(p.id))?.status).toBe('succeeded');
    expect(w.a.live()).toBe(1);
    expect([...w.a.charges.values()][0]?.refunded).toBe(0);
    const totals = totalsByCurrency(await w.ledger.balances('mer_1'));
    expect(totals.get('brl')).toBe(0);
    expect((await w.ledger.balances('mer_1')).find((b) => b.account === 'merchant_payable')?.amount).toBe(-1990);
  });
});
