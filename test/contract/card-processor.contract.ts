/**
 * The one behaviour every {@link CardProcessor} must show, run against the in-memory fake and
 * against the Stripe and Adyen connectors talking to the sandbox acquirers. A harness gives the
 * suite the processor plus the two things the port does not expose: the acquirer's controls, and
 * which authorizations the acquirer holds for a payment (its list/search, or the sandbox's view).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizeRequest, AuthorizeResult, CardProcessor } from '../../functions/app/ports/card-processor.js';

export interface CardProcessorHarness {
  readonly processor: CardProcessor;
  /** The client timeout the processor was built with (ms): `slow` above it must time out. */
  readonly timeoutMs: number;
  setControl(control: { mode: 'up' | 'down' | 'slow'; success_rate?: number; latency_ms?: number }): Promise<void>;
  /** References of the authorizations the acquirer holds for `paymentId`. */
  referencesFor(paymentId: string): Promise<string[]>;
  close(): Promise<void>;
}

export const CARDS = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  processorErrorFirst: '4000000000000119',
  highRisk: '4000000000004954',
  luhnInvalid: '4242424242424241',
} as const;

export function request(number: string, over: Partial<AuthorizeRequest> = {}): AuthorizeRequest {
  const paymentId = `pay_${randomUUID()}`;
  return {
    paymentId,
    merchantId: 'mer_contract',
    idempotencyKey: `${paymentId}:authorize`,
    amount: 5000,
    currency: 'brl',
    captureMethod: 'manual',
    card: { number, expMonth: 12, expYear: 2034, brand: number.startsWith('4') ? 'visa' : 'unknown', fingerprint: 'fp_contract', holderName: 'Ana Souza' },
    ...over,
  };
}

function authorized(r: AuthorizeResult): Extract<AuthorizeResult, { status: 'authorized' }> {
  if (r.status !== 'authorized') throw new Error(`expected authorized, got ${JSON.stringify(r)}`);
  return r;
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function cardProcessorContract(name: string, makeHarness: () => Promise<CardProcessorHarness>): void {
  describe(`CardProcessor contract: ${name}`, () => {
    let h: CardProcessorHarness;
    let p: CardProcessor;
    beforeAll(async () => {
      h = await makeHarness();
      p = h.processor;
    });
    afterAll(async () => h.close());
    beforeEach(async () => h.setControl({ mode: 'up' }));

    it('authorizes an approved card without capturing it when capture is manual', async () => {
      const req = request(CARDS.approved);
      const r = authorized(await p.authorize(req));
      expect(r.captured).toBe(false);
      expect(await p.retrieve(r.reference)).toMatchObject({ reference: r.reference, status: 'authorized', amount: 5000, amountCaptured: 0, currency: 'brl' });
    });

    it('authorizes and captures in one call when capture is automatic', async () => {
      const r = authorized(await p.authorize(request(CARDS.approved, { captureMethod: 'automatic' })));
      expect(r.captured).toBe(true);
      expect(await p.retrieve(r.reference)).toMatchObject({ status: 'captured', amountCaptured: 5000 });
    });

    it('hard-declines 4000000000000002 as card_declined', async () => {
      expect(await p.authorize(request(CARDS.declined))).toMatchObject({ status: 'declined', code: 'card_declined', hard: true });
    });

    it('hard-declines 4000000000009995 as insufficient_funds', async () => {
      expect(await p.authorize(request(CARDS.insufficientFunds))).toMatchObject({ status: 'declined', code: 'insufficient_funds', hard: true });
    });

    it('hard-declines a number that fails Luhn as incorrect_number', async () => {
      expect(await p.authorize(request(CARDS.luhnInvalid))).toMatchObject({ status: 'declined', code: 'incorrect_number', hard: true });
    });

    it('answers 4000000000000119 with a soft processing error when it is the first processor tried', async () => {
      expect(await p.authorize(request(CARDS.processorErrorFirst))).toEqual(expect.objectContaining({ status: 'error', code: 'processing_error', outcomeUnknown: false }));
    });

    it('reports a high risk score (>= 0.75) for 4000000000004954 and a low one for 4242…', async () => {
      expect(authorized(await p.authorize(request(CARDS.highRisk))).riskScore).toBeGreaterThanOrEqual(0.75);
      expect(authorized(await p.authorize(request(CARDS.approved))).riskScore ?? 0).toBeLessThan(0.75);
    });

    it('captures a manual authorization in full', async () => {
      const r = authorized(await p.authorize(request(CARDS.approved)));
      expect(await p.capture({ reference: r.reference, amount: 5000, currency: 'brl', idempotencyKey: `${r.reference}:capture` })).toEqual({ status: 'captured', amountCaptured: 5000 });
      expect(await p.retrieve(r.reference)).toMatchObject({ status: 'captured', amountCaptured: 5000 });
    });

    it('captures part of an authorization and records only that part', async () => {
      const r = authorized(await p.authorize(request(CARDS.approved)));
      expect(await p.capture({ reference: r.reference, amount: 3000, currency: 'brl', idempotencyKey: `${r.reference}:capture` })).toEqual({ status: 'captured', amountCaptured: 3000 });
      expect(await p.retrieve(r.reference)).toMatchObject({ status: 'captured', amount: 5000, amountCaptured: 3000 });
    });

    it('voids an authorization by its reference', async () => {
      const r = authorized(await p.authorize(request(CARDS.approved)));
      const req = { reference: r.reference, paymentId: 'unused', idempotencyKey: `${r.reference}:void` };
      expect(await p.void(req)).toEqual({ status: 'voided' });
      expect(await p.retrieve(r.reference)).toMatchObject({ status: 'voided' });
    });

    it('voids an attempt by its idempotency key when the reference is unknown', async () => {
      const req = request(CARDS.approved);
      const r = authorized(await p.authorize(req));
      expect(await p.void({ paymentId: req.paymentId, idempotencyKey: req.idempotencyKey })).toEqual({ status: 'voided' });
      expect(await p.retrieve(r.reference)).toMatchObject({ status: 'voided' });
    });

    it('refunds part, then the rest, of a captured payment', async () => {
      const r = authorized(await p.authorize(request(CARDS.approved, { captureMethod: 'automatic' })));
      const first = await p.refund({ reference: r.reference, amount: 2000, currency: 'brl', idempotencyKey: `${r.reference}:refund:1` });
      expect(['succeeded', 'pending']).toContain(first.status);
      expect(await p.retrieve(r.reference)).toMatchObject({ status: 'partially_refunded', amountRefunded: 2000 });
      const rest = await p.refund({ reference: r.reference, amount: 3000, currency: 'brl', idempotencyKey: `${r.reference}:refund:2` });
      expect(['succeeded', 'pending']).toContain(rest.status);
      expect(await p.retrieve(r.reference)).toMatchObject({ status: 'refunded', amountRefunded: 5000 });
    });

    it('refuses to refund more than was captured and not yet refunded', async () => {
      const r = authorized(await p.authorize(request(CARDS.approved, { captureMethod: 'automatic' })));
      expect(await p.refund({ reference: r.reference, amount: 5001, currency: 'brl', idempotencyKey: `${r.reference}:refund:over` })).toMatchObject({ status: 'failed', code: 'invalid_request' });
      expect(await p.retrieve(r.reference)).toMatchObject({ status: 'captured', amountRefunded: 0 });
    });

    it('replays the same idempotency key as the same authorization, never a second one', async () => {
      const req = request(CARDS.approved);
      const a = authorized(await p.authorize(req));
      const b = authorized(await p.authorize(req));
      expect(b.reference).toBe(a.reference);
      expect(await h.referencesFor(req.paymentId)).toEqual([a.reference]);
    });

    it('answers status error (not a decline) while the processor is down, and works again once up', async () => {
      await h.setControl({ mode: 'down' });
      const r = await p.authorize(request(CARDS.approved));
      expect(r.status).toBe('error');
      expect(['processor_unavailable', 'timeout']).toContain(r.status === 'error' ? r.code : '');
      await h.setControl({ mode: 'up' });
      expect((await p.authorize(request(CARDS.approved))).status).toBe('authorized');
    });

    it('reports a timeout with an unknown outcome when slower than the client timeout, and the attempt left behind can be voided by key', async () => {
      await h.setControl({ mode: 'slow', latency_ms: h.timeoutMs * 2 + 200 });
      const req = request(CARDS.approved);
      expect(await p.authorize(req)).toEqual(expect.objectContaining({ status: 'error', code: 'timeout', outcomeUnknown: true }));
      await h.setControl({ mode: 'up' });
      // The acquirer finishes the request after the client gave up: one authorization is left behind.
      const refs = await eventually(() => h.referencesFor(req.paymentId), (r) => r.length === 1);
      expect(refs).toHaveLength(1);
      expect(await p.void({ paymentId: req.paymentId, idempotencyKey: req.idempotencyKey })).toEqual({ status: 'voided' });
      expect(await p.retrieve(refs[0] as string)).toMatchObject({ status: 'voided' });
    });

    it('answers undefined when retrieving a reference the processor never issued', async () => {
      expect(await p.retrieve('unknown_reference_0000')).toBeUndefined();
    });
  });
}
