/**
 * Last processed sequence number per (consumer, shard), so a persistent database resumes AFTER it
 * on restart instead of losing (LATEST) or replaying (TRIM_HORIZON) what was written meanwhile.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class Checkpoints {
  readonly #positions: Record<string, string>;

  constructor(private readonly file?: string) {
    this.#positions = {};
    if (!file) return;
    try {
      Object.assign(this.#positions, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`unreadable stream checkpoints ${file}: ${(err as Error).message}`);
    }
  }

  get(consumerId: string, shardId: string): string | undefined {
    return this.#positions[`${consumerId}/${shardId}`];
  }

  set(consumerId: string, shardId: string, sequenceNumber: string): void {
    this.#positions[`${consumerId}/${shardId}`] = sequenceNumber;
    if (!this.file) return;
    // Write-then-rename: a crash mid-write never leaves a truncated checkpoint file.
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.#positions));
    renameSync(tmp, this.file);
  }
}
