export {
  GENESIS_HASH,
  GENESIS_HEAD,
  type AuditDraft,
  type AuditEntry,
  type AuditHead,
  type ChainBreak,
  type ChainVerification,
} from './types.js';
export { hashAuditEntry } from './hash.js';
export { chainEntries, headOf } from './chain.js';
export { verifyChain } from './verify.js';
export { MAX_DRAFTS_PER_APPEND, assertAppendable } from './limits.js';
