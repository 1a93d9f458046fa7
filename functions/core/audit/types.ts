/**
 * One link of an append-only audit chain. Field names are the public ones of
 * `GET /v1/payments/{id}/audit` (API.md).
 */
export interface AuditEntry {
  /** Position in the stream, 1-based and contiguous. */
  readonly seq: number;
  /** RFC 3339 UTC time of the recorded fact. */
  readonly at: string;
  /** Who acted: `api:<key prefix>`, `agent:risk`, `saga`, `psp:stripe`… */
  readonly actor: string;
  /** What happened: `payment.created`, `risk.assessed`, `routing.decided`… */
  readonly action: string;
  /** The decision's details (JSON). */
  readonly data: unknown;
  /** `hash` of the previous entry; {@link GENESIS_HASH} for seq 1. */
  readonly prev_hash: string;
  /** SHA-256 hex of `prev_hash ‖ canonical(entry without hash)`. */
  readonly hash: string;
}

/** What a caller records; the chain assigns seq, prev_hash and hash. */
export interface AuditDraft {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly data: unknown;
}

/** The last link of a stream (or the genesis head of an empty one). */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export type ChainBreak = 'hash_mismatch' | 'sequence_gap' | 'reordered' | 'prev_hash_mismatch';

export interface ChainVerification {
  readonly verified: boolean;
  /** The seq at which the chain stops being trustworthy. */
  readonly broken_at?: number;
  readonly reason?: ChainBreak;
}

/** prev_hash of the first entry of every stream: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The head of an empty stream: the first entry gets seq 1 and prev_hash {@link GENESIS_HASH}. */
export const GENESIS_HEAD: AuditHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });
