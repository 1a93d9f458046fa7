/** The `pix_charge` object of the API (API.md "Pix") and of the `pix.charge.*` events. */
import type { PixChargeRecord, PixChargeState } from '../ports/pix-store.js';

/** API Pix record statuses (`CobrancaStatus`), plus `EXPIRADA` for a charge that ran out unpaid. */
const STATUS: Record<PixChargeState, string> = {
  active: 'ATIVA',
  completed: 'CONCLUIDA',
  canceled: 'REMOVIDA_PELO_USUARIO_RECEBEDOR',
  expired: 'EXPIRADA',
};

export function pixChargeView(c: PixChargeRecord, qrSvg?: string) {
  return {
    object: 'pix_charge' as const,
    id: c.txid,
    txid: c.txid,
    status: STATUS[c.status],
    amount: c.amount,
    currency: 'brl',
    brcode: c.brcode,
    ...(qrSvg !== undefined ? { qr_svg: qrSvg } : {}),
    payment_id: c.payment_id,
    expires_at: c.expires_at,
    ...(c.description !== undefined ? { description: c.description } : {}),
    ...(c.end_to_end_id !== undefined ? { end_to_end_id: c.end_to_end_id } : {}),
    ...(c.paid_at !== undefined ? { paid_at: c.paid_at } : {}),
    created: c.created,
  };
}
export type PixChargeView = ReturnType<typeof pixChargeView>;
