import { describe, expect, it } from 'vitest';
import { MemoryCardRetryCounter } from '../../../functions/adapters/memory/card-retries.js';
import { MemoryRoutingStateStore } from '../../../functions/adapters/memory/routing-state.js';
import { applyAttemptOutcome } from '../../../functions/app/agents/routing-feedback.js';
import { AgentRouter } from '../../../functions/app/decisions/agent-router.js';
import { RETRY_CAPS } from '../../../functions/core/exceptions/index.js';
import { ScriptedProcessor } from '../../support/scripted-processor.js';
import { clock, world } from '../../support/payments-world.js';

const profiles = [
  { id: 'acq_a', methods: ['card'], currencies: ['brl'], fee: { percent_bps: 250, fixed: 20 } },
  { id: 'acq_b', methods: ['card'], currencies: ['brl'], fee: { percent_bps: 250, fixed: 20 } },
];

describe('agents in the payment saga (real ASL, in-memory ports)', () => {
  it('routing agent moves traffic away from a processor after a burst of errors, learning only from attempt events', async () => {
    const a = new ScriptedProcessor('acq_a', 'approve');
    const w = await world({ a });
    const store = new MemoryRoutingStateStore();
    // cacheMs 0: every payment sees what the consumer learnt from the previous one.
    Object.assign(w.deps, { router: new AgentRouter(store, { processors: profiles, cacheMs: 0 }) });
    let fed = 0;
    const feed = async () => {
      for (const e of w.payments.outbox.slice(fed)) if (e.type === 'payment.attempt.completed') await applyAttemptOutcome(e, { store });
      fed = w.payments.outbox.length;
    };
    // Warm-up: both processors approve, so both are in play.
    w.b.behaviour = 'approve';
    for (let i = 0; i < 6; i++) { await w.pay(`warm-${i}`); await feed(); }
    a.behaviour = 'error';
    const firstTried: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await w.pay(`burst-${i}`);
      await feed();
      expect(p.status).toBe('succeeded');
      firstTried.push(p.attempts[0]!.processor);
    }
    // Once the breaker opens, acq_a is ranked last: the last payments go straight to acq_b.
    expect(firstTried.slice(-5)).toEqual(['acq_b', 'acq_b', 'acq_b', 'acq_b', 'acq_b']);
    const last = await w.pay('after');
    expect(last.decision.routing?.ranked.map((r) => r.processor)).toEqual(['acq_b', 'acq_a']);
    expect(last.decision.routing?.reason).toContain('breaker open: acq_a');
  });

  it('fails with card_velocity_exceeded without calling any processor once the card reached its reattempt cap', async () => {
    const w = await world();
    const retries = new MemoryCardRetryCounter();
    Object.assign(w.deps, { cardRetries: retries });
    const now = clock.now().getTime();
    const fp = (await w.pay('probe')).payment_method;
    if (fp.type !== 'card') throw new Error('card expected');
    const callsBefore = w.a.calls + w.b.calls;
    for (let i = 0; i < RETRY_CAPS.visa!.max_attempts; i++) await retries.record(fp.fingerprint, now - 60_000 - i);
    const p = await w.pay('capped');
    expect(p.status).toBe('failed');
    expect(p.failure).toMatchObject({ code: 'card_velocity_exceeded', decline_category: 'soft_decline', next_step: { action: 'degrade', offer: 'pix' } });
    expect(w.a.calls + w.b.calls).toBe(callsBefore);
  });

  it('counts declines per card across processors and records the exception decision on the failure and in the audit trail', async () => {
    const w = await world({ a: new ScriptedProcessor('acq_a', 'soft_decline'), b: new ScriptedProcessor('acq_b', 'soft_decline') });
    const retries = new MemoryCardRetryCounter();
    Object.assign(w.deps, { cardRetries: retries });
    const p = await w.pay('soft');
    expect(p.status).toBe('failed');
    if (p.payment_method.type !== 'card') throw new Error('card expected');
    expect((await retries.history(p.payment_method.fingerprint)).attempts).toHaveLength(2);
    expect(p.failure?.next_step?.action).toBe('degrade');
    expect(p.failure?.advice).toMatch(/offering Pix/);
    const actions = (w.payments.audit.get(p.id) ?? []).map((e) => e.action);
    expect(actions).toContain('exception.decided');
  });
});
