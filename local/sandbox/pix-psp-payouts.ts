/**
 * Pix sending at the sandbox PSP — NOT part of BACEN's API Pix (which standardises receiving only).
 * Modelled on the common PSP shape (Efí's "envio de Pix"), documented in docs/payouts.md:
 * - `PUT /pix/envio/{idEnvio}` (scope pix.write) `{ valor, favorecido: { chave }, infoPagador? }`
 *   → 201 the transfer; the same idEnvio again → 200 the SAME transfer (no second debit), or 409
 *   when amount or key differ.
 * - `GET /pix/envio/{idEnvio}` (scope pix.read) → the transfer, 404 when unknown.
 * - `GET /__sandbox/payouts` (control) → `{ transfers, replays, failed, by_id_count_max }`.
 * Transfers settle at once (REALIZADO); a key the test DICT does not know (see
 * `isUnregisteredTestKey`) ends NAO_REALIZADO / CHAVE_NAO_ENCONTRADA. With `file`, every
 * transfer is appended (synchronously, before answering) to a JSON-lines journal and reloaded at
 * start, so a PSP restarted with the local runtime still remembers what it paid — as a real PSP does.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { isUnregisteredTestKey } from '../../functions/adapters/memory/pix-payouts.js';
import { KEY_NOT_FOUND, type EnvioWire } from '../../functions/adapters/pix-api/transformers-payout.js';
import { SandboxProblem, invalid, notFound, obj, parseJsonObject, str, type Answer, type Ctx } from './pix-psp-http.js';
import { newEndToEndId, type SandboxState } from './pix-psp-state.js';
import { centavos, checkValor } from './pix-psp-validate.js';

interface Transfer { wire: EnvioWire; chave: string; centavos: number }
interface PayoutBook { readonly byId: Map<string, Transfer>; readonly file: string | undefined; replays: number }

const books = new WeakMap<SandboxState, PayoutBook>();

/** Attaches the payout book to a sandbox state (reloading the journal when there is one). */
export function attachPayouts(s: SandboxState, file?: string): void {
  const byId = new Map<string, Transfer>();
  if (file && existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) { const t = JSON.parse(line) as Transfer; byId.set(t.wire.idEnvio, t); }
  }
  books.set(s, { byId, file, replays: 0 });
}

function book(s: SandboxState): PayoutBook {
  let b = books.get(s);
  if (!b) { attachPayouts(s); b = books.get(s)!; }
  return b;
}

const TIPO = 'EnvioPixOperacaoInvalida';

export function putEnvio(c: Ctx): Answer {
  const id = c.params[0] ?? '';
  if (!/^[a-zA-Z0-9]{1,35}$/.test(id)) throw invalid(TIPO, [{ razao: 'idEnvio deve ter de 1 a 35 caracteres [a-zA-Z0-9]', propriedade: 'idEnvio' }]);
  const b = parseJsonObject(c.body, TIPO);
  const violations: Parameters<typeof invalid>[1] = [];
  const valor = checkValor(b.valor, 'valor', violations);
  const chave = str(obj(b.favorecido)?.chave);
  if (valor === undefined) throw invalid(TIPO, violations);
  if (chave === undefined || chave.length === 0 || chave.length > 77) throw invalid(TIPO, [{ razao: 'favorecido.chave inválida', propriedade: 'favorecido.chave' }]);
  const amount = centavos(valor);
  const pb = book(c.s);
  const existing = pb.byId.get(id);
  if (existing) {
    if (existing.centavos !== amount || existing.chave !== chave) throw new SandboxProblem(409, 'EnvioPixConflito', 'Conflito', 'idEnvio já utilizado para outro envio.');
    pb.replays++;
    return { status: 200, body: existing.wire };
  }
  const now = c.s.now().toISOString();
  const wire: EnvioWire = isUnregisteredTestKey(chave)
    ? { idEnvio: id, valor, horario: { solicitacao: now }, status: 'NAO_REALIZADO', motivo: KEY_NOT_FOUND }
    : { idEnvio: id, e2eId: newEndToEndId(c.s), valor, horario: { solicitacao: now, liquidacao: now }, status: 'REALIZADO' };
  const t: Transfer = { wire, chave, centavos: amount };
  // Durable before the answer: a crash after this line replays, never pays twice.
  if (pb.file) appendFileSync(pb.file, `${JSON.stringify(t)}\n`);
  pb.byId.set(id, t);
  return { status: 201, body: wire };
}

export function getEnvio(c: Ctx): Answer {
  const t = book(c.s).byId.get(c.params[0] ?? '');
  if (!t) throw notFound('Envio não encontrado.');
  return { status: 200, body: t.wire };
}

/** Sandbox control: what the PSP actually paid. */
export function payoutStats(c: Ctx): Answer {
  const pb = book(c.s);
  let transfers = 0, failed = 0;
  for (const t of pb.byId.values()) { if (t.wire.status === 'REALIZADO') transfers++; else failed++; }
  return { status: 200, body: { transfers, failed, replays: pb.replays, total_centavos: [...pb.byId.values()].filter((t) => t.wire.status === 'REALIZADO').reduce((a, t) => a + t.centavos, 0) } };
}
