/** Events a consumer never accepted: kept in memory and appended to `<dataDir>/dead-letters.jsonl`. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface DeadLetter {
  readonly at: string;
  /** `bus:<consumer id>` or `stream:<consumer id>`. */
  readonly source: string;
  readonly functionId: string;
  readonly attempts: number;
  readonly reason: 'retries_exhausted' | 'event_too_old';
  readonly error: { readonly name: string; readonly message: string };
  readonly payload: unknown;
}

const KEEP = 1_000;

export class DeadLetterLog {
  readonly entries: DeadLetter[] = [];

  constructor(private readonly file?: string, private readonly log: (line: string) => void = () => {}) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  add(d: DeadLetter): void {
    this.entries.push(d);
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(d)}\n`);
    this.log(`dead letter: ${d.source} → ${d.functionId} after ${d.attempts} attempt(s) (${d.reason}): ${d.error.name}: ${d.error.message}`);
  }
}

export function errorSummary(err: unknown): { name: string; message: string } {
  return err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
}
