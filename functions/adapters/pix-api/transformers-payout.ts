/**
 * Pix sending ("envio de Pix") at the connector edge. Not part of BACEN's API Pix: the wire shape
 * follows the PSP convention our connector targets (Efí-style `PUT /pix/envio/{idEnvio}`):
 *   request  `{ valor: "10.50", favorecido: { chave }, infoPagador? }`
 *   response `{ idEnvio, e2eId?, valor, horario: { solicitacao, liquidacao? }, status, motivo? }`
 * with `status` ∈ EM_PROCESSAMENTO | REALIZADO | NAO_REALIZADO. Pure.
 */
import { PixPspError } from '../../app/ports/pix-psp.js';
import type { PixPayout, SendPayoutInput } from '../../app/ports/pix-payout.js';
import { checkText, fromTime, fromValor, toValor } from './values.js';

export interface EnvioSolicitadoWire {
  valor: string;
  favorecido: { chave: string };
  infoPagador?: string;
}

export interface EnvioWire {
  idEnvio: string;
  e2eId?: string;
  valor: string;
  horario: { solicitacao: string; liquidacao?: string };
  status: string;
  /** NAO_REALIZADO: `CHAVE_NAO_ENCONTRADA` or a free-text reason. */
  motivo?: string;
}

export function checkPayoutId(id: string): string {
  if (!/^[a-zA-Z0-9]{1,35}$/.test(id)) throw new PixPspError('invalid_request', 'payout id must be 1–35 characters of [a-zA-Z0-9] (idEnvio)');
  return id;
}

export function toEnvioSolicitado(input: SendPayoutInput): EnvioSolicitadoWire {
  checkPayoutId(input.id);
  if (input.key.length === 0 || input.key.length > 77) throw new PixPspError('invalid_request', 'favorecido.chave must be 1–77 characters');
  const info = checkText(input.description, 'infoPagador', 140);
  return { valor: toValor(input.amount, 'valor'), favorecido: { chave: input.key }, ...(info !== undefined ? { infoPagador: info } : {}) };
}

export const KEY_NOT_FOUND = 'CHAVE_NAO_ENCONTRADA';

export function fromEnvio(w: EnvioWire): PixPayout {
  const status = statusOf(w.status);
  const base: PixPayout = {
    id: w.idEnvio,
    amount: fromValor(w.valor, 'valor'),
    status,
    requestedAt: fromTime(w.horario?.solicitacao, 'horario.solicitacao'),
    ...(typeof w.e2eId === 'string' && w.e2eId !== '' ? { endToEndId: w.e2eId } : {}),
  };
  if (status !== 'failed') return base;
  const notFound = w.motivo === KEY_NOT_FOUND;
  return { ...base, failureCode: notFound ? 'key_not_found' : 'rejected', failureReason: notFound ? 'the destination key is not registered in the DICT' : 'rejected by the PSP' };
}

function statusOf(s: string): PixPayout['status'] {
  switch (s) {
    case 'EM_PROCESSAMENTO':
      return 'processing';
    case 'REALIZADO':
      return 'completed';
    case 'NAO_REALIZADO':
      return 'failed';
    default:
      throw new PixPspError('protocol', 'PSP sent an unknown payout status');
  }
}
