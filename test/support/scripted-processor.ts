import type { AuthorizeRequest, AuthorizeResult, CaptureRequest, CaptureResult, CardProcessor, RefundRequest, RefundResult, RetrieveResult, VoidRequest, VoidResult } from '../../functions/app/ports/card-processor.js';

type Behaviour = 'approve' | 'hard_decline' | 'soft_decline' | 'error' | 'timeout' | 'throw';

/**
 * A card processor double that behaves like a real acquirer toward idempotency: the same key is
 * answered from its record (no second charge), and it keeps the charges it holds so tests can
 * count them. Behaviour is scripted per processor.
 */
export class ScriptedProcessor implements CardProcessor {
  readonly charges = new Map<string, { reference: string; amount: number; captured: number; refunded: number; voided: boolean; paymentId: string; key: string }>();
  readonly answers = new Map<string, AuthorizeResult>();
  calls = 0;
  constructor(readonly id: string, public behaviour: Behaviour = 'approve', private readonly autoCapture = true) {}

  async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    this.calls++;
    const known = this.answers.get(req.idempotencyKey);
    if (known) return known;
    let r: AuthorizeResult;
    switch (this.behaviour) {
      case 'approve': {
        const reference = `${this.id}_ref_${this.charges.size + 1}`;
        const captured = req.captureMethod === 'automatic' && this.autoCapture;
        this.charges.set(reference, { reference, amount: req.amount, captured: captured ? req.amount : 0, refunded: 0, voided: false, paymentId: req.paymentId, key: req.idempotencyKey });
        r = { status: 'authorized', reference, captured, processorStatus: 'ok' };
        break;
      }
      case 'hard_decline':
        r = { status: 'declined', code: 'card_declined', hard: true, message: 'declined', processorCode: 'declined' };
        break;
      case 'soft_decline':
        r = { status: 'declined', code: 'try_again_later', hard: false, message: 'try later', processorCode: 'soft' };
        break;
      case 'error':
        return { status: 'error', code: 'processor_unavailable', message: 'down', outcomeUnknown: false };
      case 'timeout':
        return { status: 'error', code: 'timeout', message: 'timeout', outcomeUnknown: true };
      case 'throw':
        throw new Error('connector crashed');
    }
    this.answers.set(req.idempotencyKey, r);
    return r;
  }
  async capture(req: CaptureRequest): Promise<CaptureResult> {
    const c = this.charges.get(req.reference);
    if (!c || c.voided) return { status: 'failed', code: 'invalid_request', message: 'no charge' };
    c.captured = Math.min(c.amount, req.amount);
    return { status: 'captured', amountCaptured: c.captured };
  }
  async void(req: VoidRequest): Promise<VoidResult> {
    const c = req.reference ? this.charges.get(req.reference) : [...this.charges.values()].find((x) => x.key === req.idempotencyKey);
    if (!c) return { status: 'not_found' };
    if (c.captured > 0) return { status: 'already_captured', reference: c.reference };
    c.voided = true;
    return { status: 'voided' };
  }
  async refund(req: RefundRequest): Promise<RefundResult> {
    const c = this.charges.get(req.reference);
    if (!c || c.refunded + req.amount > c.captured) return { status: 'failed', code: 'invalid_request', message: 'over refund' };
    c.refunded += req.amount;
    return { status: 'succeeded', refundReference: `${req.reference}_re_${c.refunded}` };
  }
  async retrieve(reference: string): Promise<RetrieveResult | undefined> {
    const c = this.charges.get(reference);
    return c && { reference, status: c.voided ? 'voided' : c.captured ? 'captured' : 'authorized', amount: c.amount, amountCaptured: c.captured, amountRefunded: c.refunded, currency: 'brl' };
  }
  /** Charges that hold money (captured and not refunded, or authorized and not voided). */
  live(): number {
    return [...this.charges.values()].filter((c) => !c.voided && (c.captured === 0 || c.refunded < c.captured)).length;
  }
}
