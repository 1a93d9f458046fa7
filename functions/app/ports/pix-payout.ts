/**
 * Sending Pix (payouts) through a PSP. API Pix (BACEN) standardises only the receiving side; every
 * PSP has its own "envio de Pix" endpoint. Our connector speaks the shape most PSPs share (modelled
 * on Efí's `PUT /v2/gn/pix/:idEnvio`): `PUT /pix/envio/{idEnvio}` with the amount and the
 * destination key, `GET /pix/envio/{idEnvio}` to read it back (docs/payouts.md). Part of
 * {@link PixPsp}.
 *
 * `id` is OUR identifier and the idempotency key: a repeated `sendPayout` with the same id never
 * sends a second transfer; it returns the first one (same amount and key) or fails `conflict`
 * (anything else different).
 */
export type PayoutTransferStatus = 'processing' | 'completed' | 'failed';

export interface SendPayoutInput {
  /** 1–35 of [a-zA-Z0-9] (`idEnvio`). */
  readonly id: string;
  readonly amount: number;
  /** The destination's DICT key (PII). */
  readonly key: string;
  /** Shown to the receiver (`infoPagador`, ≤ 140). */
  readonly description?: string;
}

export interface PixPayout {
  readonly id: string;
  readonly amount: number;
  readonly status: PayoutTransferStatus;
  /** Set once the SPI accepted the transfer. */
  readonly endToEndId?: string;
  readonly requestedAt: string;
  /** `failed`: why, e.g. the key is not in the DICT. */
  readonly failureCode?: 'key_not_found' | 'rejected';
  readonly failureReason?: string;
}

export interface PixPayouts {
  sendPayout(input: SendPayoutInput): Promise<PixPayout>;
  getPayout(id: string): Promise<PixPayout | undefined>;
}
