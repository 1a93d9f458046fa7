/**
 * In-memory {@link CardProcessor} for use-case unit tests, with the sandbox acquirers' test-card
 * behaviour (API.md, Sandbox) and controls, and the same contract suite as the real connectors
 * (test/contract/card-processor.contract.ts). Keeps no PAN: only last4 of what it authorized.
 */
import { createHash } from 'node:crypto';
import type {
  AuthorizeRequest, AuthorizeResult, CaptureRequest, CaptureResult, CardProcessor, RefundRequest, RefundResult, RetrieveResult, VoidRequest, VoidResult,
} from '../../app/ports/card-processor.js';
import { isExpiryValid, isLuhnValid } from '../../core/cards/index.js';

export interface MemoryProcessorControl {
  readonly mode: 'up' | 'down' | 'slow';
  readonly success_rate?: number;
  readonly latency_ms?: number;
}

export interface MemoryCardProcessorOptions {
  readonly id?: string;
  /** Shared between fakes so "error at the first processor tried" spans a cascade (payment_id → processor id). */
  readonly firstProcessorByPayment?: Map<string, string>;
  /** The client timeout a real connector would have: `slow` beyond it answers `timeout` (after acting). */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

interface Held {
  readonly reference: string;
  readonly paymentId: string;
  readonly attemptKey: string;
  readonly amount: number;
  readonly currency: string;
  status: 'authorized' | 'captured' | 'voided' | 'declined';
  captured: number;
  refunded: number;
}

const hashOf = (v: unknown): string => createHash('sha256').update(JSON.stringify(v)).digest('hex');
const unit = (s: string): number => createHash('sha256').update(s).digest().readUIntBE(0, 6) / 2 ** 48;

export class MemoryCardProcessor implements CardProcessor {
  readonly id: string;
  private control: Required<MemoryProcessorControl> = { mode: 'up', success_rate: 1, latency_ms: 0 };
  private readonly held = new Map<string, Held>();
  private readonly replies = new Map<string, { readonly hash: string; readonly reply: unknown }>();
  private readonly first: Map<string, string>;
  private seq = 0;

  constructor(private readonly options: MemoryCardProcessorOptions = {}) {
    this.id = options.id ?? 'memory';
    this.first = options.firstProcessorByPayment ?? new Map();
  }

  setControl(c: MemoryProcessorControl): void {
    this.control = { mode: c.mode, success_rate: c.success_rate ?? 1, latency_ms: c.latency_ms ?? (c.mode === 'slow' ? 1000 : 0) };
  }

  /** References of every authorization attempt held for a payment (test inspection). */
  referencesFor(paymentId: string): string[] {
    return [...this.held.values()].filter((h) => h.paymentId === paymentId).map((h) => h.reference);
  }

  async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    const { card, ...rest } = req;
    const params = { ...rest, card: { ...card, number: hashOf(card.number) } };
    return this.idempotent(`authorize:${req.idempotencyKey}`, params, () => this.decide(req));
  }

  private decide(req: AuthorizeRequest): AuthorizeResult {
    const n = req.card.number;
    if (!isLuhnValid(n)) return { status: 'declined', code: 'incorrect_number', hard: true, message: 'invalid card number', processorCode: 'incorrect_number' };
    if (!isExpiryValid(req.card.expMonth, req.card.expYear, (this.options.now ?? (() => new Date()))())) {
      return { status: 'declined', code: 'expired_card', hard: true, message: 'card expired', processorCode: 'expired_card' };
    }
    const reference = `mem_${this.id}_${++this.seq}`;
    const hold = (status: Held['status']): Held => {
      const h: Held = { reference, paymentId: req.paymentId, attemptKey: req.idempotencyKey, amount: req.amount, currency: req.currency, status, captured: 0, refunded: 0 };
      this.held.set(reference, h);
      return h;
    };
    if (n === '4000000000000002') return { ...declined('card_declined'), reference: hold('declined').reference };
    if (n === '4000000000009995') return { ...declined('insufficient_funds'), reference: hold('declined').reference };
    if (n === '4000000000000119') {
      const first = this.first.get(req.paymentId) ?? this.id;
      this.first.set(req.paymentId, first);
      if (first === this.id) return { status: 'error', code: 'processing_error', message: 'processor error (test card)', outcomeUnknown: false };
    }
    if (unit(req.idempotencyKey) >= this.control.success_rate) return { status: 'error', code: 'processing_error', message: 'processing error (success_rate)', outcomeUnknown: false };
    const h = hold('authorized');
    if (req.captureMethod === 'automatic') {
      h.status = 'captured';
      h.captured = req.amount;
    }
    return { status: 'authorized', reference, captured: req.captureMethod === 'automatic', riskScore: n === '4000000000004954' ? 0.85 : 0.12, processorStatus: h.status };
  }

  async capture(req: CaptureRequest): Promise<CaptureResult> {
    return this.idempotent(`capture:${req.idempotencyKey}`, req, (): CaptureResult => {
      const h = this.held.get(req.reference);
      if (!h || h.status !== 'authorized' || req.amount < 1 || req.amount > h.amount) return { status: 'failed', code: 'invalid_request', message: 'cannot capture' };
      h.status = 'captured';
      h.captured = req.amount;
      return { status: 'captured', amountCaptured: req.amount };
    });
  }

  async void(req: VoidRequest): Promise<VoidResult> {
    return this.idempotent(`void:${req.idempotencyKey}:${req.reference ?? ''}`, req, (): VoidResult => {
      const h = req.reference ? this.held.get(req.reference) : [...this.held.values()].find((x) => x.paymentId === req.paymentId && x.attemptKey === req.idempotencyKey);
      if (!h) return { status: 'not_found' };
      if (h.status === 'captured') return { status: 'already_captured', reference: h.reference };
      if (h.status === 'authorized') h.status = 'voided';
      return { status: 'voided' };
    });
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    return this.idempotent(`refund:${req.idempotencyKey}`, req, (): RefundResult => {
      const h = this.held.get(req.reference);
      if (!h || h.status !== 'captured' || req.amount < 1 || req.amount > h.captured - h.refunded) return { status: 'failed', code: 'invalid_request', message: 'refund exceeds the captured amount not yet refunded' };
      h.refunded += req.amount;
      return { status: 'succeeded', refundReference: `${h.reference}_re_${++this.seq}` };
    });
  }

  async retrieve(reference: string): Promise<RetrieveResult | undefined> {
    if (this.control.mode === 'down') throw new Error(`${this.id} is down`);
    const h = this.held.get(reference);
    if (!h) return undefined;
    const status = h.status === 'captured' && h.refunded > 0 ? (h.refunded >= h.captured ? 'refunded' : 'partially_refunded') : h.status;
    return { reference, status, amount: h.amount, amountCaptured: h.captured, amountRefunded: h.refunded, currency: h.currency };
  }

  /**
   * Same key + same params → the first reply; other params → throws (a bug of the caller). `down`
   * fails before acting; `slow` past the timeout acts and then reports a timeout, like a real
   * processor that finished after the client gave up.
   */
  private idempotent<T>(key: string, params: unknown, act: () => T): T {
    if (this.control.mode === 'down') return unavailable(key) as T;
    const hash = hashOf(params);
    const prior = this.replies.get(key);
    if (prior && prior.hash !== hash) throw new Error(`idempotency key reused with other parameters: ${key}`);
    const reply = prior ? (prior.reply as T) : act();
    if (!prior) this.replies.set(key, { hash, reply });
    const timeout = this.options.timeoutMs ?? Number.POSITIVE_INFINITY;
    if (this.control.mode === 'slow' && this.control.latency_ms > timeout) return timedOut(key) as T;
    return reply;
  }
}

function declined(code: 'card_declined' | 'insufficient_funds'): Extract<AuthorizeResult, { status: 'declined' }> {
  return { status: 'declined', code, hard: true, message: code.replace('_', ' '), processorCode: code };
}

function unavailable(key: string): unknown {
  return key.startsWith('authorize:')
    ? { status: 'error', code: 'processor_unavailable', message: 'processor down', outcomeUnknown: false }
    : { status: 'failed', code: 'processor_unavailable', message: 'processor down' };
}

/** The shape each call returns on timeout: an unknown authorization, or a failed modification. */
function timedOut(key: string): unknown {
  return key.startsWith('authorize:')
    ? { status: 'error', code: 'timeout', message: 'timed out', outcomeUnknown: true }
    : { status: 'failed', code: 'timeout', message: 'timed out' };
}
