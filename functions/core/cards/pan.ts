/**
 * PAN helpers. PCI DSS 4.0 req. 3.4.1: when displayed, at most the BIN and last four digits may
 * show; we show only the last four.
 */

/** Strips the spaces and dashes people type; anything else is left for validation to reject. */
export function normalizePan(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The last four digits (PCI allows them in clear). */
export function last4(digits: string): string {
  return digits.slice(-4);
}

/**
 * Masks every digit but the last four, keeping separators' positions out of the output:
 * `4242 4242 4242 4242` → `************4242`. Safe to log.
 */
export function redactPan(input: string): string {
  const digits = normalizePan(input);
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/**
 * Replaces every run of 12–19 digits (optionally separated by spaces or dashes) inside free text
 * with its redacted form: a last line of defence for messages that might echo a card number.
 */
export function redactPansIn(text: string): string {
  return text.replace(/\b\d(?:[ -]?\d){11,18}\b/g, (m) => redactPan(m));
}
