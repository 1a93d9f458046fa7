/**
 * The port every Pix PSP connector implements (the API Pix adapter, the in-memory fake). Domain
 * words in English, amounts in integer centavos (BRL minor units), times as RFC 3339 UTC strings.
 * The API Pix wire format (Portuguese field names, "10.50" strings) exists only inside a
 * connector's transformer (STYLE.md practices 4 and 11).
 *
 * PII coming back from the PSP (payer names, CPF/CNPJ, free text typed by the payer, Pix keys)
 * is wrapped in {@link Pii} so a log line or JSON dump cannot leak it by accident (STYLE.md 13).
 */

import type { PixPayouts } from './pix-payout.js';

/** A personal value that prints as `[redacted]`; read it deliberately with {@link Pii.reveal}. */
export class Pii {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'Pii([redacted])';
  }
}

/** Record status of a cob/cobv (API Pix 2.9.0 `CobrancaStatus`). It does not change on expiry. */
export type ChargeStatus = 'active' | 'completed' | 'removed_by_receiver' | 'removed_by_psp';
/** Refund (devolução) status: EM_PROCESSAMENTO / DEVOLVIDO / NAO_REALIZADO. */
export type RefundStatus = 'processing' | 'returned' | 'failed';
/** ORIGINAL, RETIRADA, and the MED natures a PSP may report on a received Pix (PIX_SPEC §3.5). */
export type RefundNature = 'original' | 'withdrawal' | 'med_operational' | 'med_fraud' | 'med_automatic_pix';
/** Pix Automático recurrence status (`RecStatus`). */
export type RecurrenceStatus = 'created' | 'approved' | 'rejected' | 'expired' | 'cancelled';
/** Pix Automático recurring charge status (`CobRStatus`). */
export type RecurringChargeStatus = 'created' | 'active' | 'completed' | 'expired' | 'rejected' | 'cancelled';
export type RecurrencePeriod = 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual';
/** `NAO_PERMITE` / `PERMITE_3R_7D` (up to 3 retries within 7 days after the due date). */
export type RetryPolicy = 'no_retries' | 'up_to_3_retries_in_7_days';
/** How the payer joined a recurrence (`RecAtivacao.tipoJornada`). */
export type RecurrenceJourney = 'journey_1' | 'journey_2' | 'journey_3' | 'journey_4' | 'awaiting_definition';
/** A recurring charge's payment attempt: `AGND` scheduled, `NTAG` not scheduled, `RIFL` retry after failure. */
export type AttemptType = 'scheduled' | 'unscheduled' | 'retry';
export type AttemptStatus = 'requested' | 'scheduled' | 'paid' | 'cancelled' | 'rejected' | 'expired';
export type AccountType = 'checking' | 'savings' | 'payment';

/** A payer (devedor) we send to the PSP: `taxId` is a CPF (11 digits) or a CNPJ (14 of [0-9A-Z]). */
export interface PixPartyInput {
  readonly name: string;
  readonly taxId: string;
}

/** A payer as the PSP returns it. */
export interface PixParty {
  readonly name?: Pii;
  readonly taxId?: Pii;
}

export interface CreateChargeInput {
  /** 26–35 of [a-zA-Z0-9]; absent = the PSP chooses (`POST /cob`). */
  readonly txid?: string;
  readonly amount: number;
  readonly expiresInSeconds: number;
  readonly payer?: PixPartyInput;
  /** Shown to the payer (`solicitacaoPagador`, ≤ 140). */
  readonly description?: string;
  /** Our DICT key that receives the money (`chave`). */
  readonly receiverKey: string;
}

/** A payment received for a charge, as listed in `CobCompleta.pix`. */
export interface ChargePayment {
  readonly endToEndId: string;
  readonly amount: number;
  readonly paidAt: string;
}

export interface PixCharge {
  readonly txid: string;
  readonly status: ChargeStatus;
  readonly amount: number;
  /** The payload location without scheme (what 26.25 of the BR Code carries). */
  readonly location: string;
  /** The BR Code (`pixCopiaECola`). */
  readonly brcode: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revision: number;
  readonly payer?: PixParty;
  readonly description?: string;
  readonly payments: readonly ChargePayment[];
}

/**
 * A revision of an immediate charge (`PATCH /cob/{txid}`). `status: 'removed_by_receiver'` removes
 * the charge and must come alone (API Pix 2.9.0 `CobRevisada`).
 */
export interface ChargePatch {
  readonly amount?: number;
  readonly expiresInSeconds?: number;
  readonly payer?: PixPartyInput;
  readonly description?: string;
  readonly status?: 'removed_by_receiver';
}

export interface CreateDueChargeInput {
  readonly txid: string;
  readonly amount: number;
  /** `YYYY-MM-DD`; payable until the end of that day. */
  readonly dueDate: string;
  /** Days after the due date the charge can still be paid (API default 30). */
  readonly validAfterDueDays?: number;
  /** Required for a cobv. */
  readonly payer: PixPartyInput;
  readonly description?: string;
  readonly receiverKey: string;
}

export interface PixDueCharge {
  readonly txid: string;
  readonly status: ChargeStatus;
  readonly amount: number;
  readonly location: string;
  readonly brcode: string;
  readonly createdAt: string;
  readonly dueDate: string;
  readonly validAfterDueDays: number;
  readonly revision: number;
  readonly payer: PixParty;
  readonly description?: string;
  readonly payments: readonly ChargePayment[];
}

export interface PixRefund {
  readonly endToEndId: string;
  /** Our id for the refund (the path `id`, 1–35 of [a-zA-Z0-9]): the idempotency key. */
  readonly refundId: string;
  /** The pacs.004 ReturnIdentification (`rtrId`). */
  readonly returnId: string;
  readonly amount: number;
  readonly nature: RefundNature;
  readonly status: RefundStatus;
  readonly description?: string;
  readonly requestedAt?: string;
  readonly settledAt?: string;
  /** The PSP's explanation of the status (`motivo`), e.g. why it failed. */
  readonly statusReason?: string;
}

/** A Pix received on one of our keys (`GET /pix/{e2eid}`). */
export interface ReceivedPix {
  readonly endToEndId: string;
  /** Absent for a static QR paid without txid. */
  readonly txid?: string;
  readonly amount: number;
  readonly paidAt: string;
  readonly receiverKey?: Pii;
  /** Free text typed by the payer (`infoPagador`); may contain personal data. */
  readonly payerInfo?: Pii;
  readonly refunds: readonly PixRefund[];
}

export interface ListPixQuery {
  /** Inclusive RFC 3339 bounds on the Pix time (both required by the API). */
  readonly from: string;
  readonly to: string;
  /** 0-based, as `paginacao.paginaAtual`. */
  readonly page?: number;
  /** 1–1000 (API default 100). */
  readonly pageSize?: number;
  readonly txid?: string;
}

export interface PixPage {
  readonly items: readonly ReceivedPix[];
  /** 0-based current page. */
  readonly page: number;
  /** Number of pages (≥ 1 even when empty, as `quantidadeDePaginas`). */
  readonly pages: number;
  readonly total: number;
}

export interface RequestRefundInput {
  readonly endToEndId: string;
  readonly refundId: string;
  readonly amount: number;
  /** Message to the payer (`descricao`, ≤ 140). */
  readonly reason?: string;
}

export interface PixWebhook {
  readonly url: string;
  readonly createdAt?: string;
}

export interface CreateRecurrenceInput {
  /** Contract / order reference (`vinculo.contrato`, ≤ 35). */
  readonly contract: string;
  /** What the payer is paying for (`vinculo.objeto`, ≤ 35). */
  readonly description?: string;
  readonly debtor: PixPartyInput;
  readonly startDate: string;
  readonly endDate?: string;
  readonly period: RecurrencePeriod;
  /** Fixed amount per payment (`valorRec`); not together with `minimumAmount`. */
  readonly amount?: number;
  /** Floor the payer's own maximum cannot go below (`valorMinimoRecebedor`). */
  readonly minimumAmount?: number;
  readonly retryPolicy: RetryPolicy;
  /** Jornada 3: the immediate charge paid together with the activation. */
  readonly journeyTxid?: string;
}

export interface RecurrenceStatusChange<S extends string> {
  readonly status: S;
  readonly at: string;
}

export interface Recurrence {
  readonly id: string;
  readonly status: RecurrenceStatus;
  readonly contract: string;
  readonly description?: string;
  readonly debtor: PixParty;
  readonly startDate: string;
  readonly endDate?: string;
  readonly period: RecurrencePeriod;
  readonly amount?: number;
  readonly minimumAmount?: number;
  readonly retryPolicy: RetryPolicy;
  readonly journey?: RecurrenceJourney;
  /** Location of the recurrence payload (80.25), when the PSP attached one. */
  readonly location?: string;
  /** BR Code for the payer to authorize it (`dadosQR.pixCopiaECola`), when available. */
  readonly brcode?: string;
  readonly history: readonly RecurrenceStatusChange<RecurrenceStatus>[];
}

export interface ReceiverAccount {
  readonly branch?: string;
  readonly account: string;
  readonly accountType: AccountType;
}

export interface CreateRecurringChargeInput {
  /** 26–35 of [a-zA-Z0-9]; absent = the PSP chooses (`POST /cobr`). */
  readonly txid?: string;
  readonly recurrenceId: string;
  readonly dueDate: string;
  readonly amount: number;
  /** `infoAdicional`, ≤ 140. */
  readonly description?: string;
  /** Move the expected settlement to the next business day (API default true). */
  readonly adjustToBusinessDay?: boolean;
  readonly receiverAccount: ReceiverAccount;
}

export interface RecurringChargeAttempt {
  readonly type: AttemptType;
  readonly status: AttemptStatus;
  readonly endToEndId: string;
  readonly settlementDate: string;
  readonly rejectionCode?: string;
}

export interface RecurringCharge {
  readonly txid: string;
  readonly recurrenceId: string;
  readonly status: RecurringChargeStatus;
  readonly amount: number;
  readonly dueDate: string;
  /** `YYYY-MM-DD` (`calendario.criacao` is a date for cobr). */
  readonly createdOn: string;
  readonly adjustToBusinessDay: boolean;
  readonly retryPolicy?: RetryPolicy;
  readonly description?: string;
  readonly receiverAccount?: ReceiverAccount;
  readonly attempts: readonly RecurringChargeAttempt[];
  readonly history: readonly RecurrenceStatusChange<RecurringChargeStatus>[];
}

/** Why a PSP call failed, whatever the connector. */
export type PixPspErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'timeout'
  | 'protocol';

export class PixPspError extends Error {
  override name = 'PixPspError';
  constructor(
    readonly code: PixPspErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
  /** Worth retrying later (the PSP was unavailable or did not answer in time). */
  get retryable(): boolean {
    return this.code === 'unavailable' || this.code === 'timeout';
  }
}

/**
 * The Pix PSP capability. Every `get…` answers `undefined` for an unknown id; every other failure
 * is a {@link PixPspError}. `PUT`-style creates are idempotent on the caller's id (txid, refundId).
 */
export interface PixPsp extends PixPayouts {
  createCharge(input: CreateChargeInput): Promise<PixCharge>;
  getCharge(txid: string): Promise<PixCharge | undefined>;
  updateCharge(txid: string, patch: ChargePatch): Promise<PixCharge>;
  createDueCharge(input: CreateDueChargeInput): Promise<PixDueCharge>;
  getDueCharge(txid: string): Promise<PixDueCharge | undefined>;
  getPix(endToEndId: string): Promise<ReceivedPix | undefined>;
  listPix(query: ListPixQuery): Promise<PixPage>;
  requestRefund(input: RequestRefundInput): Promise<PixRefund>;
  getRefund(endToEndId: string, refundId: string): Promise<PixRefund | undefined>;
  configureWebhook(receiverKey: string, url: string): Promise<void>;
  getWebhook(receiverKey: string): Promise<PixWebhook | undefined>;
  createRecurrence(input: CreateRecurrenceInput): Promise<Recurrence>;
  getRecurrence(id: string): Promise<Recurrence | undefined>;
  createRecurringCharge(input: CreateRecurringChargeInput): Promise<RecurringCharge>;
  getRecurringCharge(txid: string): Promise<RecurringCharge | undefined>;
}

/** Every received Pix in the window, page after page (reconciliation backstop, PIX_SPEC §3.4). */
export async function* listAllPix(psp: PixPsp, query: Omit<ListPixQuery, 'page'>): AsyncGenerator<ReceivedPix> {
  for (let page = 0; ; page++) {
    const result = await psp.listPix({ ...query, page });
    yield* result.items;
    if (page + 1 >= result.pages || result.items.length === 0) return;
  }
}
