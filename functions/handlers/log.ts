/**
 * The platform logger (Powertools, JSON lines) with redaction: card data, secrets and personal data
 * (CPF/CNPJ, names, Pix keys) never reach a log line, whatever a caller passes.
 */
import { Logger } from '@aws-lambda-powertools/logger';

const REDACT_KEYS = /^(number|pan|card_number|cvc|cvv|authorization|secret|secret_key|agent_key|api_key|password|token|tax_id|taxid|cpf|cnpj|name|payer_name|holder_name|key|pix_key|chave|email|phone|brcode|payload)$/i;

/** Deep copy with sensitive fields replaced by "[redacted]" and PAN-like digit runs masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (typeof value === 'string') return value.replace(/\b\d{13,19}\b/g, (d) => `${'*'.repeat(d.length - 4)}${d.slice(-4)}`);
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
