import type { Agent, Mandate } from '../../core/mandates/index.js';
import type { TrustEvent, TrustState } from '../../core/risk/trust.js';
import type { ApiKeyRecord } from './merchant-store.js';

/** The agent as stored: its trust evidence rides along (the risk agent updates it). */
export interface AgentRecord extends Agent {
  readonly trust?: TrustState;
}

export interface AgentStore {
  createAgent(a: AgentRecord): Promise<void>;
  /** By id; another merchant's agent is `undefined` (never reveal existence). */
  getAgent(merchantId: string, id: string): Promise<AgentRecord | undefined>;
  /** Folds one outcome into the agent's trust evidence (conditional on the version read). */
  recordTrust(agentId: string, event: TrustEvent, at: Date): Promise<void>;
  /** The mandate and its agent key, atomically. */
  createMandate(m: Mandate, key: ApiKeyRecord): Promise<void>;
  getMandate(id: string): Promise<Mandate | undefined>;
  /** Revokes the mandate and its agent key in one transaction; the key fails at once. */
  revokeMandate(id: string, at: Date): Promise<void>;
  /** Registers an open mandate on first use; returns the stored one (first writer wins). */
  registerOpenMandate(m: Mandate): Promise<Mandate>;
  /** Budget use of a mandate in the period `periodKey` (see core/mandates/period.ts). */
  usage(mandateId: string, periodKey: string): Promise<{ spent: number; reserved: number }>;
}

/** A reservation the mandate's budget (or status/expiry, re-checked atomically) refused. */
export class MandateLimitError extends Error {
  override readonly name = 'MandateLimitError';
  constructor(readonly param: 'budget' | 'status' | 'expires_at', message: string) {
    super(message);
  }
}
