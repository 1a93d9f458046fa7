/**
 * The API Pix connector: implements {@link PixPsp} over BACEN's standard API Pix (v2.9.0) at any
 * PSP that follows it, and over the local sandbox PSP. Built once by a composition root from
 * config (`PIX_API_BASE`, `PIX_CLIENT_ID`, `PIX_CLIENT_SECRET`, `PIX_CERT_FILE`, `PIX_KEY_FILE`);
 * it never reads the environment itself.
 */
import type {
  ChargePatch,
  CreateChargeInput,
  CreateDueChargeInput,
  CreateRecurrenceInput,
  CreateRecurringChargeInput,
  ListPixQuery,
  PixCharge,
  PixDueCharge,
  PixPage,
  PixPsp,
  PixRefund,
  PixWebhook,
  ReceivedPix,
  Recurrence,
  RecurringCharge,
  RequestRefundInput,
} from '../../app/ports/pix-psp.js';
import type { PixPayout, SendPayoutInput } from '../../app/ports/pix-payout.js';
import { PixApiClient, seg, type PixApiClientOptions } from './client.js';
import { checkPayoutId, fromEnvio, toEnvioSolicitado, type EnvioWire } from './transformers-payout.js';
import { PixApiError } from './errors.js';
import { fromCobR, fromRec, toCobRSolicitada, toRecSolicitada } from './transformers-rec.js';
import {
  fromCob,
  fromCobV,
  fromDevolucao,
  fromPix,
  fromPixConsultados,
  fromWebhook,
  toCobRevisada,
  toCobSolicitada,
  toCobVSolicitada,
  toDevolucaoSolicitada,
  toPixQuery,
  toWebhookConfig,
} from './transformers.js';
import { checkEndToEndId, checkRefundId, checkTxid } from './values.js';
import type { CobRWire, CobVWire, CobWire, DevolucaoWire, PixConsultadosWire, PixWire, RecWire, WebhookWire } from './wire.js';

export type PixApiPspOptions = PixApiClientOptions;

/** `undefined` for a 404, the value otherwise; other failures propagate. */
async function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof PixApiError && e.code === 'not_found') return undefined;
    throw e;
  }
}

export class PixApiPsp implements PixPsp {
  readonly client: PixApiClient;

  constructor(options: PixApiPspOptions) {
    this.client = new PixApiClient(options);
  }

  /** Releases keep-alive sockets (tests, local runtime shutdown). */
  close(): void {
    this.client.close();
  }

  async createCharge(input: CreateChargeInput): Promise<PixCharge> {
    const body = toCobSolicitada(input);
    if (input.txid === undefined) return fromCob((await this.client.call<CobWire>('POST', 'cob', { body })).data);
    const txid = checkTxid(input.txid);
    try {
      return fromCob((await this.client.call<CobWire>('PUT', `cob/${seg(txid)}`, { body })).data);
    } catch (e) {
      // A retried PUT after a lost answer meets "txid already used" (CobOperacaoInvalida): if the
      // charge there is the one we asked for, the create already happened, so replay it.
      if (!(e instanceof PixApiError) || e.code !== 'invalid_request') throw e;
      const existing = await this.getCharge(txid);
      if (existing && existing.amount === input.amount && existing.revision === 0) return existing;
      throw e;
    }
  }

  async getCharge(txid: string): Promise<PixCharge | undefined> {
    const res = await orUndefined(this.client.call<CobWire>('GET', `cob/${seg(checkTxid(txid))}`));
    return res && fromCob(res.data);
  }

  async updateCharge(txid: string, patch: ChargePatch): Promise<PixCharge> {
    const res = await this.client.call<CobWire>('PATCH', `cob/${seg(checkTxid(txid))}`, { body: toCobRevisada(patch) });
    return fromCob(res.data);
  }

  async createDueCharge(input: CreateDueChargeInput): Promise<PixDueCharge> {
    const res = await this.client.call<CobVWire>('PUT', `cobv/${seg(checkTxid(input.txid))}`, { body: toCobVSolicitada(input) });
    return fromCobV(res.data);
  }

  async getDueCharge(txid: string): Promise<PixDueCharge | undefined> {
    const res = await orUndefined(this.client.call<CobVWire>('GET', `cobv/${seg(checkTxid(txid))}`));
    return res && fromCobV(res.data);
  }

  async getPix(endToEndId: string): Promise<ReceivedPix | undefined> {
    const res = await orUndefined(this.client.call<PixWire>('GET', `pix/${seg(checkEndToEndId(endToEndId))}`));
    return res && fromPix(res.data);
  }

  async listPix(query: ListPixQuery): Promise<PixPage> {
    const res = await this.client.call<PixConsultadosWire>('GET', 'pix', { query: toPixQuery(query) });
    return fromPixConsultados(res.data, query.page ?? 0);
  }

  async requestRefund(input: RequestRefundInput): Promise<PixRefund> {
    const e2e = checkEndToEndId(input.endToEndId);
    const path = `pix/${seg(e2e)}/devolucao/${seg(checkRefundId(input.refundId))}`;
    const res = await this.client.call<DevolucaoWire>('PUT', path, { body: toDevolucaoSolicitada(input) });
    return fromDevolucao(e2e, res.data);
  }

  async getRefund(endToEndId: string, refundId: string): Promise<PixRefund | undefined> {
    const e2e = checkEndToEndId(endToEndId);
    const res = await orUndefined(this.client.call<DevolucaoWire>('GET', `pix/${seg(e2e)}/devolucao/${seg(checkRefundId(refundId))}`));
    return res && fromDevolucao(e2e, res.data);
  }

  async configureWebhook(receiverKey: string, url: string): Promise<void> {
    await this.client.call('PUT', `webhook/${seg(receiverKey)}`, { body: toWebhookConfig(url) });
  }

  async getWebhook(receiverKey: string): Promise<PixWebhook | undefined> {
    const res = await orUndefined(this.client.call<WebhookWire>('GET', `webhook/${seg(receiverKey)}`));
    return res && fromWebhook(res.data);
  }

  async createRecurrence(input: CreateRecurrenceInput): Promise<Recurrence> {
    return fromRec((await this.client.call<RecWire>('POST', 'rec', { body: toRecSolicitada(input) })).data);
  }

  async getRecurrence(id: string): Promise<Recurrence | undefined> {
    const res = await orUndefined(this.client.call<RecWire>('GET', `rec/${seg(id)}`));
    return res && fromRec(res.data);
  }

  async createRecurringCharge(input: CreateRecurringChargeInput): Promise<RecurringCharge> {
    const body = toCobRSolicitada(input);
    const res =
      input.txid === undefined
        ? await this.client.call<CobRWire>('POST', 'cobr', { body })
        : await this.client.call<CobRWire>('PUT', `cobr/${seg(checkTxid(input.txid))}`, { body });
    return fromCobR(res.data);
  }

  async getRecurringCharge(txid: string): Promise<RecurringCharge | undefined> {
    const res = await orUndefined(this.client.call<CobRWire>('GET', `cobr/${seg(checkTxid(txid))}`));
    return res && fromCobR(res.data);
  }

  /** Non-standard (API Pix has no sending): see transformers-payout.ts. Idempotent on `id`. */
  async sendPayout(input: SendPayoutInput): Promise<PixPayout> {
    const res = await this.client.call<EnvioWire>('PUT', `pix/envio/${seg(checkPayoutId(input.id))}`, { body: toEnvioSolicitado(input) });
    return fromEnvio(res.data);
  }

  async getPayout(id: string): Promise<PixPayout | undefined> {
    const res = await orUndefined(this.client.call<EnvioWire>('GET', `pix/envio/${seg(checkPayoutId(id))}`));
    return res && fromEnvio(res.data);
  }
}

export { PixApiError } from './errors.js';
export type { PixApiClientOptions } from './client.js';
