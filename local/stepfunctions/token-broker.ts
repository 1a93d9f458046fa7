/**
 * `.waitForTaskToken` emulation (aws-local-stepfunctions 3 never sets `$$.Task.Token`): a Task
 * waits on a token until SendTaskSuccess / SendTaskFailure, its timeout, or a missed heartbeat.
 * Errors mirror the Step Functions API: unknown token → TaskDoesNotExist, expired → TaskTimedOut.
 */
import { randomBytes } from 'node:crypto';
import { AwsApiError } from '../aws/api-error.js';

/** A failure reported through SendTaskFailure: Step Functions error name and cause. */
export class TaskFailedError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

interface Waiter {
  resolve(output: unknown): void;
  reject(err: Error): void;
  heartbeatSeconds: number | undefined;
  heartbeatTimer: NodeJS.Timeout | undefined;
  deadlineTimer: NodeJS.Timeout | undefined;
}

const CLOSED_TOKENS_KEPT = 10_000;

export class TokenBroker {
  readonly #open = new Map<string, Waiter>();
  /** Recently closed tokens → why, so a late answer gets the right error. */
  readonly #closed = new Map<string, 'done' | 'timed_out'>();

  /** Issues a token and the promise of its answer. The timers start now. */
  issue(opts: { timeoutSeconds?: number; heartbeatSeconds?: number } = {}): { token: string; result: Promise<unknown> } {
    const token = randomBytes(48).toString('base64url');
    const result = new Promise<unknown>((resolve, reject) => {
      const w: Waiter = { resolve, reject, heartbeatSeconds: opts.heartbeatSeconds, heartbeatTimer: undefined, deadlineTimer: undefined };
      if (opts.timeoutSeconds !== undefined) {
        // The interpreter's own Task timer (same TimeoutSeconds) fails the state with a real
        // States.Timeout first; this one, a little later, only closes the token (→ TaskTimedOut).
        w.deadlineTimer = setTimeout(() => this.#expire(token, 'States.Timeout', 'Task timed out'), Math.min(opts.timeoutSeconds * 1000 + 50, 2 ** 31 - 1));
      }
      this.#open.set(token, w);
      this.#armHeartbeat(token, w);
    });
    return { token, result };
  }

  succeed(token: string, output: unknown): void {
    this.#take(token).resolve(output);
  }

  fail(token: string, error: string | undefined, cause: string | undefined): void {
    // Step Functions keeps the caller's error name as is; without one only States.ALL catches it.
    this.#take(token).reject(new TaskFailedError(error ?? '', cause ?? ''));
  }

  heartbeat(token: string): void {
    const w = this.#get(token);
    this.#armHeartbeat(token, w);
  }

  /** Abandons every open token (runtime stop). */
  closeAll(): void {
    for (const token of [...this.#open.keys()]) this.#expire(token, 'States.Runtime', 'runtime stopped');
  }

  get openCount(): number {
    return this.#open.size;
  }

  #armHeartbeat(token: string, w: Waiter): void {
    if (w.heartbeatSeconds === undefined) return;
    clearTimeout(w.heartbeatTimer);
    w.heartbeatTimer = setTimeout(() => this.#expire(token, 'States.HeartbeatTimeout', 'Task heartbeat timed out'), w.heartbeatSeconds * 1000);
  }

  #expire(token: string, name: string, cause: string): void {
    const w = this.#open.get(token);
    if (!w) return;
    this.#close(token, w, 'timed_out');
    w.reject(new TaskFailedError(name, cause));
  }

  #get(token: string): Waiter {
    if (!/^[A-Za-z0-9_-]{1,1024}$/.test(token)) throw new AwsApiError('InvalidToken', 'Invalid token');
    const w = this.#open.get(token);
    if (w) return w;
    if (this.#closed.get(token) === 'timed_out') throw new AwsApiError('TaskTimedOut', 'Task Timed Out');
    throw new AwsApiError('TaskDoesNotExist', 'Task does not exist anymore');
  }

  #take(token: string): Waiter {
    const w = this.#get(token);
    this.#close(token, w, 'done');
    return w;
  }

  #close(token: string, w: Waiter, why: 'done' | 'timed_out'): void {
    clearTimeout(w.heartbeatTimer);
    clearTimeout(w.deadlineTimer);
    this.#open.delete(token);
    this.#closed.set(token, why);
    if (this.#closed.size > CLOSED_TOKENS_KEPT) this.#closed.delete(this.#closed.keys().next().value as string);
  }
}
