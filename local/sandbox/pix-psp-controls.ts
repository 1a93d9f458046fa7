/**
 * Sandbox-only controls under `/__sandbox/*` (loopback, no auth): act as a payer, move time for
 * one object, or forge traffic for tests. They are not part of the API Pix.
 * - `POST /__sandbox/pay { txid | brcode, amount?, duplicate?, delay_ms?, infoPagador? }` (amount in centavos)
 * - `POST /__sandbox/expire { txid }` · `POST /__sandbox/backdate { endToEndId, days }`
 * - `POST /__sandbox/unsolicited { txid?, amount?, url? }` · `POST /__sandbox/rec/approve { idRec }`
 * - `POST /__sandbox/revoke-tokens` · `GET /__sandbox/stats`
 */
import { randomBytes } from 'node:crypto';
import { decodeBrCode, generateEndToEndId, NO_TXID } from '../../functions/core/pix/index.js';
import { toDecimalString } from '../../functions/core/money.js';
import { isExpired, locationOf } from './pix-psp-cob.js';
import { SandboxProblem, notFound, parseJsonObject, str, type Answer, type Ctx } from './pix-psp-http.js';
import { approveRec } from './pix-psp-rec.js';
import { newEndToEndId, type CobEntry, type PixEntry } from './pix-psp-state.js';
import { centavos } from './pix-psp-validate.js';
import { notify, pixToWire } from './pix-psp-webhook.js';

function control(detail: string, status = 409): SandboxProblem {
  return new SandboxProblem(status, 'about:blank', status === 400 ? 'Bad Request' : 'Conflict', detail);
}

function amountOf(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw control('amount must be a positive integer (centavos)', 400);
  return v;
}

/** Settles a charge (or a static BR Code of our key) as a payer would, then notifies. */
export async function pay(c: Ctx): Promise<Answer> {
  const s = c.s;
  const b = parseJsonObject(c.body, 'about:blank');
  const amount = amountOf(b.amount);
  const delay = typeof b.delay_ms === 'number' && b.delay_ms > 0 ? b.delay_ms : 0;
  let cob: CobEntry | undefined;
  let txid: string | undefined;
  let valor: number | undefined;
  const brcode = str(b.brcode);
  if (brcode !== undefined) {
    let decoded;
    try {
      decoded = decodeBrCode(brcode);
    } catch (e) {
      throw control(`invalid brcode: ${e instanceof Error ? e.message : String(e)}`, 400);
    }
    const f = decoded.fields;
    if (f.url !== undefined) {
      const url = f.url.replace(/^https?:\/\//, '');
      cob = [...s.cobs.values()].find((x) => locationOf(s, x) === url);
      if (!cob) throw notFound('no charge at this location');
    } else if (f.key === s.receiverKey) {
      txid = f.txid !== undefined && f.txid !== NO_TXID ? f.txid : undefined;
      const v = f.amount ?? amount;
      if (v === undefined) throw control('a static code without amount needs "amount"', 400);
      valor = v;
    } else {
      throw notFound('the code is not payable to this sandbox');
    }
  } else {
    cob = s.cobs.get(str(b.txid) ?? '');
    if (!cob) throw notFound('no charge with this txid');
  }
  if (cob) {
    if (cob.status !== 'ATIVA') throw control(`charge is ${cob.status}`);
    if (isExpired(s, cob)) throw control('charge expired');
    const original = centavos(cob.valor);
    // A payer can only change the amount of a charge with modalidadeAlteracao = 1 (API Pix CobValor).
    if (amount !== undefined && amount !== original && cob.modalidadeAlteracao !== 1) throw control('this charge has a fixed amount');
    valor = amount ?? original;
    txid = cob.txid;
  }
  if (valor === undefined) throw control('nothing to pay', 400);
  const p: PixEntry = {
    endToEndId: newEndToEndId(s),
    ...(txid !== undefined ? { txid } : {}),
    valor: toDecimalString(valor, 'brl'),
    centavos: valor,
    chave: s.receiverKey,
    horario: s.now(),
    ...(str(b.infoPagador) !== undefined ? { infoPagador: str(b.infoPagador) } : {}),
    refunds: [],
  };
  s.pix.set(p.endToEndId, p);
  if (cob) {
    cob.status = 'CONCLUIDA';
    cob.pix.push(p.endToEndId);
  }
  // The API Pix webhook fires only for Pix associated with a txid (PIX_SPEC §3.4).
  const webhook = txid === undefined ? 'not_applicable' : await notify(s, p.chave, [pixToWire(p)], b.duplicate === true ? 2 : 1, delay);
  return { status: 200, body: { ...pixToWire(p), webhook } };
}

/** Moves a charge past its validity without touching its record status. */
export function expire(c: Ctx): Answer {
  const s = c.s;
  const cob = s.cobs.get(str(parseJsonObject(c.body, 'about:blank').txid) ?? '');
  if (!cob) throw notFound('no charge with this txid');
  const now = s.now().getTime();
  if (cob.kind === 'cob') cob.criacao = new Date(now - (cob.expiracao + 1) * 1000);
  else cob.dataDeVencimento = new Date(now - ((cob.validadeAposVencimento ?? 30) + 1) * 86_400_000).toISOString().slice(0, 10);
  return { status: 200, body: { txid: cob.txid, expired: isExpired(s, cob) } };
}

/** Ages a received Pix by `days` (to test the 90-day refund window). */
export function backdate(c: Ctx): Answer {
  const b = parseJsonObject(c.body, 'about:blank');
  const p = c.s.pix.get(str(b.endToEndId) ?? '');
  if (!p) throw notFound('no Pix with this endToEndId');
  const days = typeof b.days === 'number' ? b.days : 0;
  p.horario = new Date(p.horario.getTime() - days * 86_400_000);
  return { status: 200, body: { endToEndId: p.endToEndId, horario: p.horario.toISOString() } };
}

/** Sends a webhook for a Pix this PSP never received (forged / unknown endToEndId). */
export async function unsolicited(c: Ctx): Promise<Answer> {
  const s = c.s;
  const b = parseJsonObject(c.body, 'about:blank');
  const amount = amountOf(b.amount) ?? 100;
  const forged = {
    endToEndId: generateEndToEndId({ ispb: '66666666', now: s.now(), random: (n) => randomBytes(n) }),
    txid: str(b.txid) ?? 'FORGED' + randomBytes(12).toString('hex'),
    valor: toDecimalString(amount, 'brl'),
    chave: s.receiverKey,
    horario: s.now().toISOString(),
  };
  const webhook = await notify(s, s.receiverKey, [forged], 1, 0, str(b.url));
  return { status: 200, body: { ...forged, webhook } };
}

export function approve(c: Ctx): Answer {
  return { status: 200, body: approveRec(c.s, str(parseJsonObject(c.body, 'about:blank').idRec) ?? '') };
}

export function revokeTokens(c: Ctx): Answer {
  const n = c.s.tokens.size;
  c.s.tokens.clear();
  return { status: 200, body: { revoked: n } };
}

export function stats(c: Ctx): Answer {
  const st = c.s.stats;
  return { status: 200, body: { tokenRequests: st.tokenRequests, apiRequests: st.apiRequests, unauthorized: st.unauthorized, deliveries: st.deliveries } };
}
