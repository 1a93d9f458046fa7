/**
 * Polls DynamoDB Local's streams like a Lambda event source mapping: per consumer
 * (STREAM_CONSUMERS) and shard, GetRecords every `pollMs`, the consumer's filter applied with the
 * EventBridge matcher (Lambda filter criteria share its syntax), batches of `batchSize` as
 * `{ Records }`, `batchItemFailures` honoured (resume from the first failed record), retries up
 * to `maxRetries`, then a dead letter and the batch is skipped. Positions are checkpointed.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand, DynamoDBStreamsClient, ExpiredIteratorException, GetRecordsCommand, GetShardIteratorCommand,
  TrimmedDataAccessException, type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { StreamConsumerDef } from '../../functions/contracts/streams.js';
import { compilePattern } from '../../functions/core/event-pattern/index.js';
import { DeadLetterLog, errorSummary } from '../bus/dead-letters.js';
import { Checkpoints } from './checkpoints.js';
import { toLambdaRecord, type LambdaStreamRecord } from './record.js';

export interface StreamPollerOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  readonly consumers: readonly { readonly def: StreamConsumerDef; readonly tableName: string }[];
  readonly invoke: (functionId: string, event: { Records: LambdaStreamRecord[] }) => Promise<unknown>;
  readonly deadLetters: DeadLetterLog;
  /** Persist positions here (persistent databases); in memory when unset. */
  readonly checkpointFile?: string;
  readonly pollMs?: number;
  /** Delay before retry n is min(retryBaseMs·2ⁿ, 2 s). Default 100 ms. */
  readonly retryBaseMs?: number;
  readonly log?: (line: string) => void;
}

interface ShardState { readonly shard: Shard; iterator?: string; done: boolean }

const DESCRIBE_EVERY_MS = 1_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class ConsumerLoop {
  readonly #shards = new Map<string, ShardState>();
  readonly #matches: (record: unknown) => boolean;
  #streamArn?: string;
  #lastDescribe = 0;
  /** Start time of the latest pass that found nothing new (-1: the latest pass read records). */
  idleSince = -1;

  get id(): string {
    return this.def.id;
  }

  constructor(
    private readonly def: StreamConsumerDef,
    private readonly tableName: string,
    private readonly p: { ddb: DynamoDBClient; streams: DynamoDBStreamsClient; checkpoints: Checkpoints; opts: StreamPollerOptions },
  ) {
    this.#matches = compilePattern(def.filter);
  }

  /** One pass over every readable shard; returns how many records were read. */
  async pass(): Promise<number> {
    const started = performance.now();
    if (!this.#streamArn || Date.now() - this.#lastDescribe > DESCRIBE_EVERY_MS) await this.#discover();
    let read = 0;
    for (const s of this.#shards.values()) {
      if (s.done) continue;
      // Children wait until their parent is drained: per-key order is preserved across a split.
      const parent = s.shard.ParentShardId ? this.#shards.get(s.shard.ParentShardId) : undefined;
      if (parent && !parent.done) continue;
      read += await this.#readShard(s);
    }
    this.idleSince = read === 0 ? started : -1;
    return read;
  }

  async #discover(): Promise<void> {
    this.#lastDescribe = Date.now();
    if (!this.#streamArn) {
      const t = await this.p.ddb.send(new DescribeTableCommand({ TableName: this.tableName }));
      this.#streamArn = t.Table?.LatestStreamArn;
      if (!this.#streamArn) throw new Error(`table ${this.tableName} has no stream (consumer ${this.def.id})`);
    }
    let start: string | undefined;
    do {
      const d = await this.p.streams.send(new DescribeStreamCommand({ StreamArn: this.#streamArn, ExclusiveStartShardId: start }));
      for (const shard of d.StreamDescription?.Shards ?? []) {
        if (shard.ShardId && !this.#shards.has(shard.ShardId)) this.#shards.set(shard.ShardId, { shard, done: false });
      }
      start = d.StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  async #iterator(shardId: string): Promise<string | undefined> {
    const after = this.p.checkpoints.get(this.def.id, shardId);
    try {
      const r = await this.p.streams.send(new GetShardIteratorCommand({
        StreamArn: this.#streamArn, ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }));
      return r.ShardIterator;
    } catch (err) {
      if (after && err instanceof TrimmedDataAccessException) {
        this.p.opts.log?.(`stream ${this.def.id}: checkpoint ${after} of ${shardId} was trimmed; resuming at TRIM_HORIZON`);
        return this.#trimHorizon(shardId);
      }
      throw err;
    }
  }

  async #trimHorizon(shardId: string): Promise<string | undefined> {
    const r = await this.p.streams.send(new GetShardIteratorCommand({ StreamArn: this.#streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
    return r.ShardIterator;
  }

  async #readShard(s: ShardState): Promise<number> {
    const shardId = s.shard.ShardId!;
    s.iterator ??= await this.#iterator(shardId);
    if (!s.iterator) { s.done = true; return 0; }
    let out;
    try {
      out = await this.p.streams.send(new GetRecordsCommand({ ShardIterator: s.iterator, Limit: this.def.batchSize }));
    } catch (err) {
      if (err instanceof ExpiredIteratorException) { s.iterator = undefined; return 0; }
      if (err instanceof TrimmedDataAccessException) {
        // The iterator points before the oldest retained record. DynamoDB Local does this when a
        // sequence number was allocated but its record never kept (e.g. a cancelled transaction).
        // Restart from the oldest record; records up to our checkpoint are skipped below.
        s.iterator = await this.#trimHorizon(shardId);
        return 0;
      }
      throw err;
    }
    s.iterator = out.NextShardIterator;
    if (!s.iterator) s.done = true;
    // After a TRIM_HORIZON fallback, never hand a consumer a record it already had.
    const after = this.p.checkpoints.get(this.def.id, shardId);
    const records = (out.Records ?? []).filter((r) => !after || BigInt(r.dynamodb?.SequenceNumber ?? '0') > BigInt(after));
    if (records.length === 0) return 0;
    const shaped = records.map((r) => toLambdaRecord(r, this.#streamArn!));
    const batch = shaped.filter((r) => this.#matches(r));
    if (batch.length > 0) await this.#deliver(batch);
    this.p.checkpoints.set(this.def.id, shardId, shaped[shaped.length - 1]!.dynamodb.SequenceNumber!);
    return records.length;
  }

  async #deliver(records: LambdaStreamRecord[]): Promise<void> {
    let pending = records;
    for (let attempt = 0; ; attempt++) {
      let failure: unknown;
      try {
        const result = (await this.p.opts.invoke(this.def.functionId, { Records: pending })) as { batchItemFailures?: { itemIdentifier?: string }[] } | undefined;
        const failed = result?.batchItemFailures ?? [];
        if (failed.length === 0) return;
        // ReportBatchItemFailures: retry from the lowest failed sequence number onwards.
        const index = Math.min(...failed.map((f) => pending.findIndex((r) => r.dynamodb.SequenceNumber === f.itemIdentifier)));
        if (index < 0) failure = new Error('batchItemFailures names an unknown itemIdentifier: the whole batch is retried');
        else { pending = pending.slice(index); failure = new Error(`${failed.length} record(s) reported in batchItemFailures`); }
      } catch (err) {
        failure = err;
      }
      if (attempt >= this.def.maxRetries) {
        this.p.opts.deadLetters.add({
          at: new Date().toISOString(), source: `stream:${this.def.id}`, functionId: this.def.functionId, attempts: attempt + 1,
          reason: 'retries_exhausted', error: errorSummary(failure), payload: { Records: pending },
        });
        return;
      }
      await sleep(Math.min((this.p.opts.retryBaseMs ?? 100) * 2 ** attempt, 2_000));
    }
  }
}

export class StreamPoller {
  readonly #loops: ConsumerLoop[];
  readonly #ddb: DynamoDBClient;
  readonly #streams: DynamoDBStreamsClient;
  #running = false;
  #done?: Promise<void>;
  readonly #wakers = new Set<() => void>();

  constructor(private readonly opts: StreamPollerOptions) {
    const client = { endpoint: opts.endpoint, region: opts.region, credentials: opts.credentials };
    this.#ddb = new DynamoDBClient(client);
    this.#streams = new DynamoDBStreamsClient(client);
    const shared = { ddb: this.#ddb, streams: this.#streams, checkpoints: new Checkpoints(opts.checkpointFile), opts };
    this.#loops = opts.consumers.map((c) => new ConsumerLoop(c.def, c.tableName, shared));
  }

  /** Starts polling after one successful pass (so a broken stream fails start-up). */
  async start(): Promise<void> {
    for (const l of this.#loops) await l.pass();
    this.#running = true;
    this.#done = Promise.all(this.#loops.map((l) => this.#run(l))).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.#running = false;
    for (const w of this.#wakers) w();
    await this.#done;
    this.#ddb.destroy();
    this.#streams.destroy();
  }

  /** Resolves after every consumer has made a pass that found nothing new. */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const asked = performance.now();
    while (this.#loops.some((l) => l.idleSince < asked)) {
      if (Date.now() > deadline) throw new Error('stream poller did not catch up');
      await sleep(10);
    }
  }

  async #run(loop: ConsumerLoop): Promise<void> {
    const pollMs = this.opts.pollMs ?? 50;
    while (this.#running) {
      let read = 0;
      try {
        read = await loop.pass();
      } catch (err) {
        if (!this.#running) return;
        this.opts.log?.(`stream poller (${loop.id}): ${(err as Error).name}: ${(err as Error).message}`);
        await sleep(1_000);
      }
      if (read === 0 && this.#running) {
        await new Promise<void>((r) => {
          const wake = (): void => { clearTimeout(t); this.#wakers.delete(wake); r(); };
          const t = setTimeout(wake, pollMs);
          this.#wakers.add(wake);
        });
      }
    }
  }
}
