/**
 * The platform logger (Powertools, JSON lines) with redaction: card data, secrets and personal data
 * (CPF/CNPJ, names, Pix keys) never reach a log line, whatever a caller passes.
 */
import { Logger } from '@aws-lambda-powertools/logger';

const REDACT_KEYS = /^(number|pan|card_?number|cvc|cvv|authorization|secret|secret_?key|agent_?key|api_?key|password|token|tax_?id|cpf|cnpj|name|nome|payer_?name|holder_?name|devedor|pagador|key|pix_?key|chave|email|phone|telefone|brcode|payload|pix_?copia_?e_?cola)$/i;
/** 12–19 digits, possibly grouped by spaces or dashes as people type card numbers. */
const PAN_LIKE = /\b\d(?:[ -]?\d){11,18}\b/g;

/** Deep copy with sensitive fields replaced by "[redacted]" and PAN-like digit runs masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (typeof value === 'string') return value.replace(PAN_LIKE, (d) => `****${d.replace(/\D/g, '').slice(-4)}`);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = REDACT_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

// Powertools reads its level from POWERTOOLS_LOG_LEVEL itself (see the README's settings table).
const logger = new Logger({ serviceName: 'smart-agent-pay' });

type Attrs = Record<string, unknown>;
export const log = {
  debug: (msg: string, attrs: Attrs = {}): void => logger.debug(msg, redact(attrs) as Attrs),
  info: (msg: string, attrs: Attrs = {}): void => logger.info(msg, redact(attrs) as Attrs),
  warn: (msg: string, attrs: Attrs = {}): void => logger.warn(msg, redact(attrs) as Attrs),
  error: (msg: string, attrs: Attrs = {}): void => logger.error(msg, redact(attrs) as Attrs),
};
