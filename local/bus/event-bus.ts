/**
 * The in-process event bus: the contract's consumers (CONSUMERS) with their EventBridge patterns
 * compiled by our matcher; events shaped exactly as EventBridge delivers them to Lambda; each
 * delivery asynchronous and retried with full-jitter exponential back-off up to the consumer's
 * maximumRetryAttempts / maximumEventAgeSeconds, then dead-lettered.
 */
import { randomUUID } from 'node:crypto';
import type { ConsumerDef } from '../../functions/contracts/events.js';
import { compilePattern } from '../../functions/core/event-pattern/index.js';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '../lambda/arns.js';
import { DeadLetterLog, errorSummary } from './dead-letters.js';

/** An event as EventBridge hands it to a Lambda target. */
export type { BusEvent } from '../../functions/core/event-pattern/bus-event.js';
import type { BusEvent } from '../../functions/core/event-pattern/bus-event.js';

/** PutEvents request entry (the SDK's PutEventsRequestEntry). */
export interface PutEventsEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly Resources?: string[];
  readonly Time?: string | number | Date;
  readonly EventBusName?: string;
  readonly TraceHeader?: string;
}

export type PutEventsResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

export interface LocalEventBusOptions {
  readonly consumers: readonly ConsumerDef[];
  /** Invokes a function (asynchronously, as EventBridge does). */
  readonly invoke: (functionId: string, event: BusEvent) => Promise<unknown>;
  readonly deadLetters: DeadLetterLog;
  /** First retry delay ceiling; doubles per attempt (full jitter). Default 1 s. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
}

interface Route { readonly consumer: ConsumerDef; readonly matches: (event: unknown) => boolean }

/** EventBridge writes `time` to the second, in UTC. */
const ebTime = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

export class LocalEventBus {
  readonly #routes: Route[];
  readonly #timers = new Set<NodeJS.Timeout>();
  #inFlight = 0;
  #idle: Array<() => void> = [];
  #stopped = false;
  readonly published: BusEvent[] = [];

  constructor(private readonly opts: LocalEventBusOptions) {
    this.#routes = opts.consumers.map((consumer) => ({ consumer, matches: compilePattern(consumer.pattern) }));
  }

  get deadLetters(): DeadLetterLog {
    return this.opts.deadLetters;
  }

  /** PutEvents semantics: per-entry validation; valid entries are accepted even if others fail. */
  putEvents(entries: readonly PutEventsEntry[]): { FailedEntryCount: number; Entries: PutEventsResultEntry[] } {
    const results = entries.map((e): PutEventsResultEntry => {
      if (!e.Source || !e.DetailType || e.Detail === undefined) {
        return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameters Source, DetailType and Detail are required' };
      }
      let detail: unknown;
      try { detail = JSON.parse(e.Detail); } catch { detail = undefined; }
      if (!detail || typeof detail !== 'object' || Array.isArray(detail)) {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
      }
      const time = e.Time === undefined ? new Date() : new Date(typeof e.Time === 'number' ? e.Time * 1000 : e.Time);
      const event: BusEvent = {
        version: '0', id: randomUUID(), 'detail-type': e.DetailType, source: e.Source, account: LOCAL_ACCOUNT,
        time: ebTime(Number.isNaN(time.getTime()) ? new Date() : time), region: LOCAL_REGION, resources: e.Resources ?? [], detail,
      };
      this.publish(event);
      return { EventId: event.id };
    });
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  }

  /** Routes one event to every matching consumer; returns the ids of those consumers. */
  publish(event: BusEvent): string[] {
    if (this.#stopped) return [];
    this.published.push(event);
    if (this.published.length > 1_000) this.published.splice(0, 500);
    const hit: string[] = [];
    for (const r of this.#routes) {
      if (!r.matches(event)) continue;
      hit.push(r.consumer.id);
      this.#deliver(r.consumer, event, 0);
    }
    return hit;
  }

  /** Resolves when no delivery is running or waiting for a retry. */
  drain(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((res) => this.#idle.push(res));
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Drops pending retries; running deliveries finish on their own. */
  stop(): void {
    this.#stopped = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#inFlight = 0;
    this.#notifyIdle();
  }

  #deliver(consumer: ConsumerDef, event: BusEvent, attempt: number): void {
    this.#inFlight++;
    setImmediate(() => void this.#attempt(consumer, event, attempt));
  }

  async #attempt(consumer: ConsumerDef, event: BusEvent, attempt: number): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.opts.invoke(consumer.functionId, event);
      this.#settle();
    } catch (err) {
      if (this.#stopped) return;
      const ageMs = Date.now() - Date.parse(event.time);
      const { maximumRetryAttempts, maximumEventAgeSeconds } = consumer.retry;
      const delay = this.#backoff(attempt);
      if (attempt >= maximumRetryAttempts || ageMs + delay > maximumEventAgeSeconds * 1000) {
        this.opts.deadLetters.add({
          at: new Date().toISOString(), source: `bus:${consumer.id}`, functionId: consumer.functionId, attempts: attempt + 1,
          reason: attempt >= maximumRetryAttempts ? 'retries_exhausted' : 'event_too_old', error: errorSummary(err), payload: event,
        });
        this.#settle();
        return;
      }
      const t = setTimeout(() => {
        this.#timers.delete(t);
        void this.#attempt(consumer, event, attempt + 1);
      }, delay);
      this.#timers.add(t);
    }
  }

  /** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): avoids retry storms. */
  #backoff(attempt: number): number {
    const base = this.opts.retryBaseMs ?? 1_000;
    const cap = this.opts.retryMaxMs ?? 60_000;
    return Math.random() * Math.min(cap, base * 2 ** attempt);
  }

  #settle(): void {
    if (this.#stopped) return;
    if (--this.#inFlight === 0) this.#notifyIdle();
  }

  #notifyIdle(): void {
    const waiters = this.#idle;
    this.#idle = [];
    for (const w of waiters) w();
  }
}
