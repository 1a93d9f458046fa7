/**
 * Request checks the sandbox PSP applies, written from the API Pix 2.9.0 schemas with their
 * pattern bugs fixed (anchored regexes; the CPF pattern without its literal slashes, PIX_SPEC §2).
 * Each check pushes a `violacao` with the property path, as a PSP's 400 would.
 */
import { isValidCnpj, isValidCpf } from '../../functions/core/pix/index.js';
import type { Devedor } from '../../functions/adapters/pix-api/wire.js';
import { obj, str, type Violation } from './pix-psp-http.js';

export const TXID = /^[a-zA-Z0-9]{26,35}$/;
export const VALOR = /^\d{1,10}\.\d{2}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function centavos(valor: string): number {
  const [int = '0', frac = '00'] = valor.split('.');
  return Number(int) * 100 + Number(frac);
}

export function checkValor(v: unknown, prop: string, out: Violation[], allowZero = false): string | undefined {
  const s = str(v);
  if (s === undefined || !VALOR.test(s)) {
    out.push({ razao: 'Valor deve seguir o formato \\d{1,10}\\.\\d{2}.', propriedade: prop });
    return undefined;
  }
  if (!allowZero && centavos(s) === 0) {
    out.push({ razao: 'Valor não pode ser 0.00.', propriedade: prop });
    return undefined;
  }
  return s;
}

export function checkDate(v: unknown, prop: string, out: Violation[]): string | undefined {
  const s = str(v);
  if (s === undefined || !DATE.test(s) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
    out.push({ razao: 'Data deve estar no formato YYYY-MM-DD.', propriedade: prop });
    return undefined;
  }
  return s;
}

export function checkLength(v: unknown, prop: string, max: number, out: Violation[]): string | undefined {
  if (v === undefined) return undefined;
  const s = str(v);
  if (s === undefined || s.length > max) {
    out.push({ razao: `Texto com no máximo ${max} caracteres.`, propriedade: prop });
    return undefined;
  }
  return s;
}

/** `devedor`: exactly one of cpf / cnpj, with valid check digits, and a name. */
export function checkDevedor(v: unknown, prop: string, out: Violation[], required: boolean, maxName = 200): Devedor | undefined {
  const d = obj(v);
  if (d === undefined) {
    if (required || v !== undefined) out.push({ razao: 'Devedor deve ser um objeto com cpf ou cnpj e nome.', propriedade: prop });
    return undefined;
  }
  const cpf = str(d.cpf);
  const cnpj = str(d.cnpj);
  const nome = str(d.nome);
  if ((cpf === undefined) === (cnpj === undefined)) {
    out.push({ razao: 'Informe exatamente um entre cpf e cnpj.', propriedade: prop });
    return undefined;
  }
  if (cpf !== undefined && !(/^\d{11}$/.test(cpf) && isValidCpf(cpf))) out.push({ razao: 'CPF inválido.', propriedade: `${prop}.cpf` });
  if (cnpj !== undefined && !(/^[0-9A-Z]{14}$/.test(cnpj) && isValidCnpj(cnpj))) out.push({ razao: 'CNPJ inválido.', propriedade: `${prop}.cnpj` });
  if (nome === undefined || nome.length === 0 || nome.length > maxName) {
    out.push({ razao: `Nome obrigatório, com no máximo ${maxName} caracteres.`, propriedade: `${prop}.nome` });
  }
  return { ...(cpf !== undefined ? { cpf } : { cnpj }), ...(nome !== undefined ? { nome } : {}) };
}

/** A positive int32 (`calendario.expiracao`, `validadeAposVencimento`). */
export function checkInt(v: unknown, prop: string, out: Violation[], min: number): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > 2_147_483_647) {
    out.push({ razao: `Inteiro a partir de ${min}.`, propriedade: prop });
    return undefined;
  }
  return v;
}
