/**
 * In-memory {@link PixPsp} for unit tests of use cases. It follows the same contract as the API
 * Pix connector (test/contract/pix-psp.contract.ts) and validates inputs with that connector's
 * pure request transformers, so both refuse exactly the same requests. Payer-side actions
 * (`simulatePayment`, `approveRecurrence`, `expireCharge`) stand in for the sandbox controls.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  Pii,
  PixPspError,
  type ChargePatch,
  type CreateChargeInput,
  type CreateDueChargeInput,
  type CreateRecurrenceInput,
  type CreateRecurringChargeInput,
  type ListPixQuery,
  type PixCharge,
  type PixDueCharge,
  type PixPage,
  type PixParty,
  type PixPartyInput,
  type PixPsp,
  type PixRefund,
  type PixWebhook,
  type ReceivedPix,
  type Recurrence,
  type RecurringCharge,
  type RequestRefundInput,
} from '../../app/ports/pix-psp.js';
import type { PixPayout, SendPayoutInput } from '../../app/ports/pix-payout.js';
import { InMemoryPixPayouts } from './pix-payouts.js';
import { encodeBrCode, generateEndToEndId, generateTxid } from '../../core/pix/index.js';
import { toCobRSolicitada, toRecSolicitada } from '../pix-api/transformers-rec.js';
import { toCobRevisada, toCobSolicitada, toCobVSolicitada, toDevolucaoSolicitada, toPixQuery, toWebhookConfig } from '../pix-api/transformers.js';
import { checkEndToEndId, checkRefundId, checkTxid } from '../pix-api/values.js';

export interface InMemoryPixPspOptions {
  /** The key this fake merchant owns; charges for other keys are refused. */
  readonly receiverKey?: string;
  readonly now?: () => Date;
  /** How long a refund stays `processing`. Default 20 ms. */
  readonly refundDelayMs?: number;
}

const REFUND_WINDOW_MS = 90 * 86_400_000;
const random = (n: number) => randomBytes(n);
const party = (p: PixPartyInput): PixParty => ({ name: new Pii(p.name.trim()), taxId: new Pii(p.taxId) });
const invalid = (m: string) => new PixPspError('invalid_request', m);

type Stored = { kind: 'cob'; charge: PixCharge } | { kind: 'cobv'; charge: PixDueCharge };
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type StoredRefund = Mutable<PixRefund> & { outcome: Pick<PixRefund, 'status' | 'statusReason'> };
type StoredPix = Omit<ReceivedPix, 'refunds'> & { receiverKey: Pii; refunds: StoredRefund[] };

export class InMemoryPixPsp implements PixPsp {
  readonly receiverKey: string;
  readonly #now: () => Date;
  readonly #refundDelayMs: number;
  readonly #charges = new Map<string, Stored>();
  readonly #pix = new Map<string, StoredPix>();
  readonly #webhooks = new Map<string, PixWebhook>();
  readonly #recs = new Map<string, Recurrence>();
  readonly #cobrs = new Map<string, RecurringCharge>();

  constructor(options: InMemoryPixPspOptions = {}) {
    this.receiverKey = options.receiverKey ?? randomUUID();
    this.#now = options.now ?? (() => new Date());
    this.#refundDelayMs = options.refundDelayMs ?? 20;
  }

  #brcode(location: string): string {
    return encodeBrCode({ kind: 'dynamic', merchantName: 'MEMORY PSP', merchantCity: 'SAO PAULO', url: location });
  }

  #ownKey(key: string): void {
    if (key !== this.receiverKey) throw invalid('the key does not belong to the receiving user');
  }

  async createCharge(input: CreateChargeInput): Promise<PixCharge> {
    toCobSolicitada(input);
    this.#ownKey(input.receiverKey);
    const txid = input.txid === undefined ? generateTxid(random) : checkTxid(input.txid);
    const existing = this.#charges.get(txid);
    if (existing) {
      // Same replay rule as the API Pix connector: the same unrevised charge is returned.
      if (existing.kind === 'cob' && existing.charge.amount === input.amount && existing.charge.revision === 0) return existing.charge;
      throw invalid('txid already used');
    }
    const now = this.#now();
    const location = `pix.memory.invalid/qr/v2/${randomBytes(16).toString('hex')}`;
    const charge: PixCharge = {
      txid, status: 'active', amount: input.amount, location, brcode: this.#brcode(location),
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + input.expiresInSeconds * 1000).toISOString(), revision: 0,
      ...(input.payer ? { payer: party(input.payer) } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      payments: [],
    };
    this.#charges.set(txid, { kind: 'cob', charge });
    return charge;
  }

  async getCharge(txid: string): Promise<PixCharge | undefined> {
    const s = this.#charges.get(checkTxid(txid));
    return s?.kind === 'cob' ? s.charge : undefined;
  }

  async updateCharge(txid: string, patch: ChargePatch): Promise<PixCharge> {
    toCobRevisada(patch);
    const s = this.#charges.get(checkTxid(txid));
    if (s?.kind !== 'cob') throw new PixPspError('not_found', 'no charge with this txid');
    const c = s.charge;
    if (c.status !== 'active') throw invalid(`the charge is ${c.status}`);
    const next: PixCharge =
      patch.status === 'removed_by_receiver'
        ? { ...c, status: 'removed_by_receiver', revision: c.revision + 1 }
        : {
            ...c,
            revision: c.revision + 1,
            ...(patch.amount !== undefined ? { amount: patch.amount } : {}),
            ...(patch.expiresInSeconds !== undefined
              ? { expiresAt: new Date(Date.parse(c.createdAt) + patch.expiresInSeconds * 1000).toISOString() }
              : {}),
            ...(patch.payer ? { payer: party(patch.payer) } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
          };
    this.#charges.set(txid, { kind: 'cob', charge: next });
    return next;
  }

  async createDueCharge(input: CreateDueChargeInput): Promise<PixDueCharge> {
    const wire = toCobVSolicitada(input);
    this.#ownKey(input.receiverKey);
    if (this.#charges.has(input.txid)) throw invalid('txid already used');
    const location = `pix.memory.invalid/qr/v2/cobv/${randomBytes(16).toString('hex')}`;
    const charge: PixDueCharge = {
      txid: input.txid, status: 'active', amount: input.amount, location, brcode: this.#brcode(location),
      createdAt: this.#now().toISOString(), dueDate: input.dueDate, validAfterDueDays: wire.calendario.validadeAposVencimento ?? 30,
      revision: 0, payer: party(input.payer), ...(input.description !== undefined ? { description: input.description } : {}), payments: [],
    };
    this.#charges.set(input.txid, { kind: 'cobv', charge });
    return charge;
  }

  async getDueCharge(txid: string): Promise<PixDueCharge | undefined> {
    const s = this.#charges.get(checkTxid(txid));
    return s?.kind === 'cobv' ? s.charge : undefined;
  }

  /** The payer side: pays an active, unexpired charge in full (what the sandbox's `/__sandbox/pay` does). */
  async simulatePayment(input: { txid: string; payerInfo?: string }): Promise<ReceivedPix> {
    const s = this.#charges.get(input.txid);
    if (!s) throw new PixPspError('not_found', 'no charge with this txid');
    const now = this.#now();
    if (s.charge.status !== 'active') throw new PixPspError('conflict', `the charge is ${s.charge.status}`);
    if (s.kind === 'cob' && now.getTime() > Date.parse(s.charge.expiresAt)) throw new PixPspError('conflict', 'the charge expired');
    const endToEndId = generateEndToEndId({ ispb: '99999008', now, random });
    const pix: StoredPix = {
      endToEndId, txid: input.txid, amount: s.charge.amount, paidAt: now.toISOString(), receiverKey: new Pii(this.receiverKey),
      ...(input.payerInfo !== undefined ? { payerInfo: new Pii(input.payerInfo) } : {}), refunds: [],
    };
    this.#pix.set(endToEndId, pix);
    const payments = [...s.charge.payments, { endToEndId, amount: pix.amount, paidAt: pix.paidAt }];
    this.#charges.set(input.txid, { ...s, charge: { ...s.charge, status: 'completed', payments } } as Stored);
    return this.#view(pix);
  }

  /** Moves an immediate charge past its expiry (the record status stays `active`, as in the API). */
  expireCharge(txid: string): void {
    const s = this.#charges.get(txid);
    if (s?.kind === 'cob') this.#charges.set(txid, { kind: 'cob', charge: { ...s.charge, expiresAt: new Date(this.#now().getTime() - 1000).toISOString() } });
  }

  /** Ages a received Pix (to exercise the 90-day refund window). */
  backdatePix(endToEndId: string, days: number): void {
    const p = this.#pix.get(endToEndId);
    if (p) this.#pix.set(endToEndId, { ...p, paidAt: new Date(Date.parse(p.paidAt) - days * 86_400_000).toISOString() });
  }

  #view(p: StoredPix): ReceivedPix {
    return { ...p, refunds: p.refunds.map(({ outcome: _o, ...r }) => r) };
  }

  async getPix(endToEndId: string): Promise<ReceivedPix | undefined> {
    const p = this.#pix.get(checkEndToEndId(endToEndId));
    return p && this.#view(p);
  }

  async listPix(query: ListPixQuery): Promise<PixPage> {
    const q = toPixQuery(query);
    const [from, to] = [Date.parse(q.inicio ?? ''), Date.parse(q.fim ?? '')];
    const page = query.page ?? 0;
    const size = query.pageSize ?? 100;
    const all = [...this.#pix.values()]
      .filter((p) => Date.parse(p.paidAt) >= from && Date.parse(p.paidAt) <= to && (query.txid === undefined || p.txid === query.txid))
      .sort((a, b) => a.paidAt.localeCompare(b.paidAt) || a.endToEndId.localeCompare(b.endToEndId));
    const items = all.slice(page * size, (page + 1) * size).map((p) => this.#view(p));
    return { items, page, pages: Math.max(1, Math.ceil(all.length / size)), total: all.length };
  }

  async requestRefund(input: RequestRefundInput): Promise<PixRefund> {
    toDevolucaoSolicitada(input);
    const p = this.#pix.get(checkEndToEndId(input.endToEndId));
    if (!p) throw new PixPspError('not_found', 'no Pix with this endToEndId');
    const refundId = checkRefundId(input.refundId);
    const same = p.refunds.find((r) => r.refundId === refundId);
    if (same) {
      if (same.amount === input.amount) return this.#refundView(same);
      throw invalid('refundId already used for this Pix');
    }
    const now = this.#now();
    const committed = p.refunds.filter((r) => r.outcome.status === 'returned').reduce((a, r) => a + r.amount, 0);
    const outcome: StoredRefund['outcome'] =
      now.getTime() - Date.parse(p.paidAt) > REFUND_WINDOW_MS
        ? { status: 'failed', statusReason: 'refund window of 90 days is over' }
        : committed + input.amount > p.amount
          ? { status: 'failed', statusReason: 'amount exceeds what is still refundable' }
          : { status: 'returned' };
    const r: StoredRefund = {
      endToEndId: p.endToEndId, refundId, returnId: `D${generateEndToEndId({ ispb: '99999009', now, random }).slice(1)}`,
      amount: input.amount, nature: 'original', status: 'processing', requestedAt: now.toISOString(),
      ...(input.reason !== undefined ? { description: input.reason } : {}), outcome,
    };
    p.refunds.push(r);
    setTimeout(() => {
      r.status = outcome.status;
      if (outcome.statusReason !== undefined) r.statusReason = outcome.statusReason;
      if (outcome.status === 'returned') r.settledAt = this.#now().toISOString();
    }, this.#refundDelayMs).unref();
    return this.#refundView(r);
  }

  #refundView(r: StoredRefund): PixRefund {
    const { outcome: _o, ...rest } = r;
    return { ...rest };
  }

  async getRefund(endToEndId: string, refundId: string): Promise<PixRefund | undefined> {
    const r = this.#pix.get(checkEndToEndId(endToEndId))?.refunds.find((x) => x.refundId === checkRefundId(refundId));
    return r && this.#refundView(r);
  }

  async configureWebhook(receiverKey: string, url: string): Promise<void> {
    toWebhookConfig(url);
    this.#ownKey(receiverKey);
    this.#webhooks.set(receiverKey, { url, createdAt: this.#now().toISOString() });
  }

  async getWebhook(receiverKey: string): Promise<PixWebhook | undefined> {
    return this.#webhooks.get(receiverKey);
  }

  async createRecurrence(input: CreateRecurrenceInput): Promise<Recurrence> {
    toRecSolicitada(input);
    const now = this.#now().toISOString();
    const id = `R${input.retryPolicy === 'no_retries' ? 'N' : 'R'}99999008${now.slice(0, 10).replaceAll('-', '')}${generateTxid(random, { kind: 'static', length: 11 })}`;
    const { debtor, journeyTxid: _j, ...rest } = input;
    const rec: Recurrence = { ...rest, id, status: 'created', debtor: party(debtor), journey: 'awaiting_definition', history: [{ status: 'created', at: now }] };
    this.#recs.set(id, rec);
    return rec;
  }

  /** The payer side: the payer accepts the recurrence (Jornada 2). */
  approveRecurrence(id: string): Recurrence {
    const rec = this.#recs.get(id);
    if (!rec || rec.status !== 'created') throw new PixPspError('conflict', 'no recurrence awaiting approval');
    const next: Recurrence = { ...rec, status: 'approved', journey: 'journey_2', history: [...rec.history, { status: 'approved', at: this.#now().toISOString() }] };
    this.#recs.set(id, next);
    return next;
  }

  async getRecurrence(id: string): Promise<Recurrence | undefined> {
    return this.#recs.get(id);
  }

  async createRecurringCharge(input: CreateRecurringChargeInput): Promise<RecurringCharge> {
    const wire = toCobRSolicitada(input);
    const txid = input.txid === undefined ? generateTxid(random) : checkTxid(input.txid);
    const rec = this.#recs.get(input.recurrenceId);
    if (!rec || rec.status !== 'approved') throw invalid('the recurrence does not exist or is not approved');
    if (this.#cobrs.has(txid)) throw invalid('txid already used');
    const now = this.#now().toISOString();
    const cobr: RecurringCharge = {
      txid, recurrenceId: rec.id, status: 'created', amount: input.amount, dueDate: input.dueDate, createdOn: now.slice(0, 10),
      adjustToBusinessDay: wire.ajusteDiaUtil, retryPolicy: rec.retryPolicy, receiverAccount: input.receiverAccount,
      ...(input.description !== undefined ? { description: input.description } : {}), attempts: [], history: [{ status: 'created', at: now }],
    };
    this.#cobrs.set(txid, cobr);
    return cobr;
  }

  async getRecurringCharge(txid: string): Promise<RecurringCharge | undefined> {
    return this.#cobrs.get(checkTxid(txid));
  }

  /** Pix sending (not API Pix; see ports/pix-payout.ts), kept in its own module. */
  readonly payouts = new InMemoryPixPayouts(() => this.#now());
  sendPayout(input: SendPayoutInput): Promise<PixPayout> {
    return this.payouts.sendPayout(input);
  }
  getPayout(id: string): Promise<PixPayout | undefined> {
    return this.payouts.getPayout(id);
  }
}
