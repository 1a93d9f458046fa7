import { describe, expect, it } from 'vitest';
import { InMemoryLedger } from '../../../functions/adapters/memory/ledger.js';
import { BasicRiskAssessor } from '../../../functions/app/decisions/basic-risk.js';
import { totalsByCurrency } from '../../../functions/core/ledger/index.js';
import { verifyChain } from '../../../functions/core/audit/index.js';
import { ScriptedProcessor } from '../../support/scripted-processor.js';
import { clock, world } from '../../support/payments-world.js';

async function ledgerBalances(ledger: InMemoryLedger) {
  const totals = totalsByCurrency(await ledger.balances('mer_1'));
  return [...totals.values()].every((v) => v === 0);
}

describe('payment saga (real ASL, in-memory ports)', () => {
  it('charges an approved card once at the first ranked processor and posts one balanced entry', async () => {
    const w = await world();
    const p = await w.pay('k1');
    expect(p.status).toBe('succeeded');
    expect(p.processor).toBe('acq_a');
    expect(p.amount_captured).toBe(1990);
    expect(p.attempts.map((x) => x.status)).toEqual(['captured']);
    expect(w.a.charges.size).toBe(1);
    expect(w.b.charges.size).toBe(0);
    expect(p.ledger_entries).toHaveLength(1);
    expect(await ledgerBalances(w.ledger)).toBe(true);
    expect(w.payments.outbox.filter((e) => e.type === 'payment.succeeded')).toHaveLength(1);
    expect(p.decision.routing?.ranked.map((r) => r.processor)).toEqual(['acq_a', 'acq_b']);
  });

  it('reads the payment method once: authorize opens the sealed card the create request carried (bound to its merchant and payment method)', async () => {
    const w = await world();
    const pmStore = w.deps.paymentMethods;
    const get = pmStore.get.bind(pmStore);
    let reads = 0;
    pmStore.get = async (m, id) => { reads++; return get(m, id); };
    const numbers: string[] = [];
    const authorize = w.a.authorize.bind(w.a);
    w.a.authorize = async (req) => { numbers.push(req.card.number); return authorize(req); };
    expect((await w.pay('k-once')).status).toBe('succeeded');
    expect(reads).toBe(1);
    expect(numbers).toEqual(['4242424242424242']);
    // An envelope sealed for another payment method does not open for this one.
    const p = (await w.pay('k-other')).payment_method as { id: string };
    const stored = (await get('mer_1', p.id))!;
    const other = await w.deps.vault.seal(JSON.stringify({ number: '4000000000000002' }), { merchant_id: 'mer_1', payment_method_id: 'pm_other', purpose: 'card' });
    expect(stored.sealed).not.toEqual(other);
    await expect(w.deps.vault.open(other, { merchant_id: 'mer_1', payment_method_id: p.id, purpose: 'card' })).rejects.toThrow();
  });

  it('cascades to the next processor after a processor error and records both attempts', async () => {
    const w = await world({ a: new ScriptedProcessor('acq_a', 'error') });
    const p = await w.pay('k2');
    expect(p.status).toBe('succeeded');
    expect(p.processor).toBe('acq_b');
    expect(p.attempts.map((x) => [x.processor, x.status])).toEqual([['acq_a', 'error'], ['acq_b', 'captured']]);
    expect(w.payments.outbox.filter((e) => e.type === 'payment.attempt.completed')).toHaveLength(2);
  });

  it('never retries a hard decline elsewhere', async () => {
    const w = await world({ a: new ScriptedProcessor('acq_a', 'hard_decline') });
    const p = await w.pay('k3');
    expect(p.status).toBe('failed');
    expect(p.failure).toMatchObject({ code: 'card_declined', retryable: false });
    expect(w.b.calls).toBe(0);
    expect(w.payments.outbox.filter((e) => e.type === 'payment.failed')).toHaveLength(1);
    expect(await w.ledger.balances('mer_1')).toEqual([]);
  });

  it('fails retryably when every processor soft-declines, holding no money anywhere', async () => {
    const w = await world({ a: new ScriptedProcessor('acq_a', 'soft_decline'), b: new ScriptedProcessor('acq_b', 'error') });
    const p = await w.pay('k4');
    expect(p.status).toBe('failed');
    expect(p.failure?.retryable).toBe(true);
    expect(w.a.live() + w.b.live()).toBe(0);
  });

  it('voids an authorization whose outcome was unknown (timeout) when the cascade moves on', async () => {
    const a = new ScriptedProcessor('acq_a', 'timeout');
    const w = await world({ a });
    const p = await w.pay('k5');
    expect(p.status).toBe('succeeded');
    expect(p.processor).toBe('acq_b');
    expect(p.attempts[0]).toMatchObject({ processor: 'acq_a', status: 'timeout' });
  });

  it('compensates in reverse when the ledger step fails: refunds the capture, balances stay zero, payment failed', async () => {
    const w = await world();
    const post = w.ledger.post.bind(w.ledger);
    let failLedger = true;
    w.ledger.post = async (e) => {
      if (failLedger) throw new Error('ledger unavailable');
      return post(e);
    };
    const p = await w.pay('k6');
    failLedger = false;
    expect(p.status).toBe('failed');
    const charge = [...w.a.charges.values()][0]!;
    expect(charge.refunded).toBe(charge.captured);
    expect(w.a.live()).toBe(0);
    expect(await w.ledger.balances('mer_1')).toEqual([]);
  });

  it('resumes after a crash between authorization and commit without charging twice', async () => {
    const w = await world();
    let crash = true;
    w.onStep((s) => {
      if (s === 'post_ledger' && crash) {
        crash = false;
        return 'crash';
      }
    });
    await expect(w.pay('k7')).rejects.toThrow('process killed');
    expect(w.a.charges.size).toBe(1);
    // The client retries with the same Idempotency-Key and body: the same payment resumes.
    const p = await w.pay('k7');
    expect(p.status).toBe('succeeded');
    expect(w.a.charges.size).toBe(1);
    expect(w.payments.payments.size).toBe(1);
    expect(p.ledger_entries).toHaveLength(1);
    expect(await ledgerBalances(w.ledger)).toBe(true);
  });

  it('compensates from the stored payment when a connector crashes after its attempt was written ahead', async () => {
    const w = await world({ a: new ScriptedProcessor('acq_a', 'error'), b: new ScriptedProcessor('acq_b', 'throw') });
    const p = await w.pay('k11');
    expect(p.status).toBe('failed');
    expect(p.failure?.code).toBe('processing_error');
    expect(p.attempts.map((a) => a.processor)).toEqual(['acq_a', 'acq_b']);
    expect(w.payments.outbox.filter((e) => e.type === 'payment.failed')).toHaveLength(1);
  });

  it('keeps the customer’s personal data only sealed at rest, bound to the payment', async () => {
    const w = await world();
    const customer = { email: 'ana@example.com', tax_id: '52998224725', name: 'Ana Souza' };
    const p = await w.pay('pii-1', { customer });
    const stored = JSON.stringify(w.payments.payments.get(p.id));
    for (const v of Object.values(customer)) expect(stored).not.toContain(v);
    const { customerSealContext } = await import('../../../functions/app/payments.js');
    expect(JSON.parse(await w.vault.open(p.customer_sealed!, customerSealContext('mer_1', p.id)))).toEqual(customer);
    await expect(w.vault.open(p.customer_sealed!, customerSealContext('mer_1', 'pay_other'))).rejects.toThrow();
  });

  it('the sweeper finishes a payment whose saga died and whose client never retried, charging once', async () => {
    const w = await world();
    let crash = true;
    w.onStep((s) => (s === 'commit' && crash ? ((crash = false), 'crash') : undefined));
    await expect(w.pay('stuck-1')).rejects.toThrow('process killed');
    const [stuck] = [...w.payments.payments.values()];
    expect(stuck?.status).toBe('processing');
    const { resumeStalePayments } = await import('../../../functions/app/payment-sweeper.js');
    // Not yet: the saga could still be running within its own timeout.
    expect(await resumeStalePayments({ payments: w.payments, workflow: w.workflow, clock })).toEqual({ resumed: 0, failed: 0 });
    const later = { now: () => new Date(clock.now().getTime() + 6 * 60_000) };
    expect(await resumeStalePayments({ payments: w.payments, workflow: w.workflow, clock: later })).toEqual({ resumed: 1, failed: 0 });
    expect((await w.payments.getById(stuck!.id))?.status).toBe('succeeded');
    expect(w.a.charges.size).toBe(1);
    expect(await resumeStalePayments({ payments: w.payments, workflow: w.workflow, clock: later })).toEqual({ resumed: 0, failed: 0 });
  });

  it('leaves a manual-capture payment authorized, with no ledger entry until capture', async () => {
    const w = await world({ a: new ScriptedProcessor('acq_a', 'approve', false) });
    const p = await w.pay('k8', { capture_method: 'manual' });
    expect(p.status).toBe('authorized');
    expect(p.amount_captured).toBe(0);
    expect(await w.ledger.balances('mer_1')).toEqual([]);
  });

  it('declines by risk before any processor is called', async () => {
    const w = await world();
    const p = await w.pay('k9', { amount: 2_000_000 });
    expect(p.status).toBe('failed');
    expect(p.failure?.code).toBe('risk_declined');
    expect(w.a.calls + w.b.calls).toBe(0);
  });

  it('keeps a verifiable audit chain of every decision', async () => {
    const w = await world({ a: new ScriptedProcessor('acq_a', 'error') });
    const p = await w.pay('k10');
    const entries = w.payments.audit.get(p.id)!;
    expect(entries.map((e) => e.action)).toEqual(['payment.created', 'risk.assessed', 'routing.decided', 'attempt.started', 'attempt.completed', 'attempt.started', 'attempt.completed', 'payment.succeeded']);
    expect(verifyChain(entries, p.audit_head).verified).toBe(true);
  });
});
