/**
 * Name normalisation for screening: strip diacritics (NFD + remove combining marks, so "José"
 * matches "Jose"), lower-case, turn punctuation into spaces, drop honorifics and one-letter
 * initials, and sort tokens so "SILVA, Maria" and "Maria Silva" compare equal.
 */
const STOP_TOKENS = new Set(['mr', 'mrs', 'ms', 'dr', 'sr', 'sra', 'jr', 'de', 'da', 'do', 'dos', 'das', 'del', 'la', 'el', 'al', 'bin', 'van', 'von']);

export function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((t) => t.length > 1 && !STOP_TOKENS.has(t));
}

export function normalizeName(name: string): string {
  return nameTokens(name).sort().join(' ');
}
