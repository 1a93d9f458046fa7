/**
 * The local EventBridge Scheduler: fires the contract's recurring SCHEDULES (`rate(…)`; `cron(…)`
 * approximated by nothing — logged and skipped) with each schedule's input, and the schedules
 * created at run time through the Scheduler endpoint (`at(…)` one-offs and `rate(…)`). Run-time
 * schedules are kept in `<dataDir>/schedules.json` when a file is given, so they survive restarts;
 * an `at(…)` whose time passed while stopped fires at start, as Scheduler would have.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { rateToMs, type ScheduleDef } from '../functions/contracts/schedules.js';
import { AwsApiError } from './aws/api-error.js';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './lambda/arns.js';

/** A schedule as the Scheduler API describes it (the fields we honour). */
export interface ScheduleRecord {
  readonly Name: string;
  readonly GroupName: string;
  readonly ScheduleExpression: string;
  readonly ScheduleExpressionTimezone?: string;
  readonly State: 'ENABLED' | 'DISABLED';
  readonly ActionAfterCompletion: 'NONE' | 'DELETE';
  readonly Target: { readonly Arn: string; readonly RoleArn?: string; readonly Input?: string; readonly [k: string]: unknown };
  readonly Description?: string;
  readonly FlexibleTimeWindow?: { Mode: string; MaximumWindowInMinutes?: number };
  readonly CreationDate: number;
  readonly LastModificationDate: number;
  readonly Arn: string;
}

export interface LocalSchedulerOptions {
  readonly schedules: readonly ScheduleDef[];
  /** Fires a contract schedule: invoke its function with its input. */
  readonly invokeFunction: (functionId: string, input: unknown) => Promise<unknown>;
  /** Fires a run-time schedule's target (a Lambda, state machine or bus ARN). */
  readonly fireTarget: (target: ScheduleRecord['Target']) => Promise<unknown>;
  readonly file?: string;
  readonly log?: (line: string) => void;
}

const key = (group: string, name: string): string => `${group}/${name}`;

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC (the only zone we interpret) → epoch ms. */
export function atToMs(expression: string): number | undefined {
  const m = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  return m ? Date.parse(`${m[1]}Z`) : undefined;
}

export class LocalScheduler {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #records = new Map<string, ScheduleRecord>();
  #stopped = false;

  constructor(private readonly opts: LocalSchedulerOptions) {}

  start(): void {
    for (const s of this.opts.schedules) {
      const period = rateToMs(s.expression);
      if (period === undefined) { this.opts.log?.(`schedule ${s.id}: ${s.expression} is not interpreted locally; skipped`); continue; }
      this.#every(`contract/${s.id}`, period, () => this.opts.invokeFunction(s.functionId, s.input));
    }
    for (const r of this.#load()) this.#arm(r);
  }

  stop(): void {
    this.#stopped = true;
    for (const t of this.#timers.values()) { clearTimeout(t); clearInterval(t); }
    this.#timers.clear();
  }

  create(input: Omit<ScheduleRecord, 'CreationDate' | 'LastModificationDate' | 'Arn' | 'State' | 'ActionAfterCompletion' | 'GroupName'> & Partial<Pick<ScheduleRecord, 'State' | 'ActionAfterCompletion' | 'GroupName'>>): ScheduleRecord {
    const group = input.GroupName ?? 'default';
    if (this.#records.has(key(group, input.Name))) throw new AwsApiError('ConflictException', `Schedule ${input.Name} already exists.`, 409);
    if (atToMs(input.ScheduleExpression) === undefined && rateToMs(input.ScheduleExpression) === undefined) {
      throw new AwsApiError('ValidationException', `Invalid Schedule Expression ${input.ScheduleExpression} (locally: at(yyyy-mm-ddThh:mm:ss) or rate(n unit))`);
    }
    if (input.ScheduleExpressionTimezone && input.ScheduleExpressionTimezone !== 'UTC') {
      throw new AwsApiError('ValidationException', 'locally only ScheduleExpressionTimezone UTC is interpreted');
    }
    const now = Date.now() / 1000;
    const rec: ScheduleRecord = {
      ...input, GroupName: group, State: input.State ?? 'ENABLED', ActionAfterCompletion: input.ActionAfterCompletion ?? 'NONE',
      CreationDate: now, LastModificationDate: now,
      Arn: `arn:aws:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT}:schedule/${group}/${input.Name}`,
    };
    this.#records.set(key(group, rec.Name), rec);
    this.#save();
    this.#arm(rec);
    return rec;
  }

  get(name: string, group = 'default'): ScheduleRecord {
    const r = this.#records.get(key(group, name));
    if (!r) throw new AwsApiError('ResourceNotFoundException', `Schedule ${name} does not exist.`, 404);
    return r;
  }

  delete(name: string, group = 'default'): void {
    this.get(name, group);
    this.#remove(key(group, name));
  }

  list(): ScheduleRecord[] {
    return [...this.#records.values()];
  }

  #remove(k: string): void {
    const t = this.#timers.get(k);
    if (t) { clearTimeout(t); clearInterval(t); }
    this.#timers.delete(k);
    this.#records.delete(k);
    this.#save();
  }

  #arm(r: ScheduleRecord): void {
    if (this.#stopped || r.State !== 'ENABLED') return;
    const k = key(r.GroupName, r.Name);
    const at = atToMs(r.ScheduleExpression);
    if (at !== undefined) {
      const t = setTimeout(() => {
        this.#timers.delete(k);
        void this.#fire(r).finally(() => { if (r.ActionAfterCompletion === 'DELETE' && this.#records.has(k)) this.#remove(k); });
      }, Math.max(0, Math.min(at - Date.now(), 2 ** 31 - 1)));
      this.#timers.set(k, t);
      return;
    }
    const period = rateToMs(r.ScheduleExpression);
    if (period !== undefined) this.#every(k, period, () => this.#fire(r));
  }

  #every(k: string, periodMs: number, fire: () => Promise<unknown>): void {
    const t = setInterval(() => { void fire().catch((err: unknown) => this.opts.log?.(`schedule ${k} failed: ${(err as Error).message}`)); }, periodMs);
    t.unref();
    this.#timers.set(k, t);
  }

  async #fire(r: ScheduleRecord): Promise<void> {
    try {
      await this.opts.fireTarget(r.Target);
    } catch (err) {
      this.opts.log?.(`schedule ${r.GroupName}/${r.Name} failed: ${(err as Error).message}`);
    }
  }

  #load(): ScheduleRecord[] {
    if (!this.opts.file) return [];
    try {
      const list = JSON.parse(readFileSync(this.opts.file, 'utf8')) as ScheduleRecord[];
      for (const r of list) this.#records.set(key(r.GroupName, r.Name), r);
      return list;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  #save(): void {
    if (!this.opts.file) return;
    mkdirSync(dirname(this.opts.file), { recursive: true });
    writeFileSync(`${this.opts.file}.tmp`, JSON.stringify(this.list()));
    renameSync(`${this.opts.file}.tmp`, this.opts.file);
  }
}
