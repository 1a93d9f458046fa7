/**
 * What the risk agent reads on the payment path and learns afterwards: one record per entity key
 * of a request (core/risk `entityKeys`), the agent's trust, the shared model + thresholds, and the
 * features each payment was scored with (so a label arriving weeks later teaches the model what
 * it saw then). Versioned records, written conditionally: concurrent payments of the same card
 * never lose one another's velocity.
 */
import type { LogisticModel, RiskSnapshot, ThresholdState } from '../../core/risk/index.js';

/** Storage keys of one request: `agent` always, the others when the request has them. */
export type RiskKeys = { readonly agent: string; readonly card?: string; readonly device?: string; readonly ip?: string; readonly pix_key?: string };
export type RiskEntityName = keyof RiskKeys;

export type RiskModelState = { readonly model: LogisticModel; readonly thresholds: ThresholdState; readonly version: number };

/** A snapshot plus the version of every record in it (0 = absent), for conditional writes. */
export type VersionedSnapshot = { readonly snapshot: RiskSnapshot; readonly versions: Readonly<Record<string, number>> };

export type ScoredFeatures = {
  readonly payment_id: string;
  readonly agent_id: string;
  readonly features: readonly number[];
  readonly logit: number;
  readonly at: number;
  /** Set once a label has been learnt from this payment. */
  readonly label?: 'fraud' | 'legit';
};

export class RiskStoreConflictError extends Error {
  override readonly name = 'RiskStoreConflictError';
}
/** The payment's features were already recorded, or its label already learnt. */
export class RiskAlreadyAppliedError extends Error {
  override readonly name = 'RiskAlreadyAppliedError';
}

export interface RiskStore {
  /**
   * One round trip: the entity records of `keys`, the trust of `agentId` and, with `withModel`,
   * the model item. `consistent` for the consumers (they write what they read).
   */
  read(keys: RiskKeys, agentId: string, opts: { withModel: boolean; consistent?: boolean }): Promise<VersionedSnapshot & { model?: RiskModelState }>;
  /**
   * Records a scored payment: its features (once per payment) and the updated entity records,
   * each conditional on the version read, and with `model` the model item (conditional on its
   * version), all or nothing.
   * @throws RiskStoreConflictError, RiskAlreadyAppliedError
   */
  recordScored(keys: RiskKeys, read: VersionedSnapshot, next: RiskSnapshot, scored: ScoredFeatures, model?: { next: Omit<RiskModelState, 'version'>; expectedVersion: number }): Promise<void>;
  getScored(paymentId: string): Promise<ScoredFeatures | undefined>;
  loadModel(): Promise<RiskModelState | undefined>;
  /** @throws RiskStoreConflictError */
  saveModel(next: Omit<RiskModelState, 'version'>, expectedVersion: number): Promise<void>;
  /**
   * Learns a label atomically: the model (conditional on its version), the agent's trust
   * (conditional on the version read) and the payment's label mark (only if unlabelled).
   * @throws RiskStoreConflictError, RiskAlreadyAppliedError
   */
  learnLabel(args: {
    scored: ScoredFeatures; label: 'fraud' | 'legit';
    model: Omit<RiskModelState, 'version'>; modelVersion: number;
    trust: NonNullable<RiskSnapshot['trust']>; trustVersion: number;
  }): Promise<void>;
}
