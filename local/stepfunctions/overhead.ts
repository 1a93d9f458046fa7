/**
 * The local saga interpreter's own cost per execution: wall time of the run minus the time during
 * which at least one Task handler was running (so parallel branches are not double-counted).
 * Retry back-off sleeps count as interpreter time; the happy path has none.
 */
import type { HandlerClock } from './task-handlers.js';

export class ExecutionClock implements HandlerClock {
  readonly #start = performance.now();
  #active = 0;
  #since = 0;
  #inHandlers = 0;

  enter(): void {
    if (this.#active++ === 0) this.#since = performance.now();
  }

  exit(): void {
    if (--this.#active === 0) this.#inHandlers += performance.now() - this.#since;
  }

  /** `{ totalMs, handlerMs, overheadMs }` measured up to now. */
  finish(): { totalMs: number; handlerMs: number; overheadMs: number } {
    const totalMs = performance.now() - this.#start;
    const handlerMs = this.#inHandlers + (this.#active > 0 ? performance.now() - this.#since : 0);
    return { totalMs, handlerMs, overheadMs: Math.max(0, totalMs - handlerMs) };
  }
}

export interface OverheadStats {
  readonly executions: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly totalInterpreterMs: number;
  readonly totalHandlerMs: number;
}

const KEEP = 10_000;

/** Rolling record of per-execution overhead (the last 10 000 executions). */
export class OverheadRecorder {
  #samples: number[] = [];
  #executions = 0;
  #interpreter = 0;
  #handlers = 0;

  record(m: { overheadMs: number; handlerMs: number }): void {
    this.#executions++;
    this.#interpreter += m.overheadMs;
    this.#handlers += m.handlerMs;
    this.#samples.push(m.overheadMs);
    if (this.#samples.length > KEEP) this.#samples = this.#samples.slice(-KEEP / 2);
  }

  reset(): void {
    this.#samples = [];
    this.#executions = 0;
    this.#interpreter = 0;
    this.#handlers = 0;
  }

  stats(): OverheadStats {
    const sorted = [...this.#samples].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      executions: this.#executions,
      meanMs: this.#executions ? this.#interpreter / this.#executions : 0,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      totalInterpreterMs: this.#interpreter,
      totalHandlerMs: this.#handlers,
    };
  }
}
