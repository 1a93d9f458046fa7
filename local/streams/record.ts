/**
 * A DynamoDB Streams record from the SDK, reshaped as Lambda delivers it in `event.Records[]`:
 * `eventSourceARN` added, `ApproximateCreationDateTime` in epoch seconds, binary values base64.
 */
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';

export interface LambdaStreamRecord {
  readonly eventID?: string;
  readonly eventName?: string;
  readonly eventVersion?: string;
  readonly eventSource?: string;
  readonly awsRegion?: string;
  readonly dynamodb: Record<string, unknown> & { SequenceNumber?: string };
  readonly eventSourceARN: string;
  readonly userIdentity?: unknown;
}

function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return Math.floor(value.getTime() / 1000);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plain(v);
    return out;
  }
  return value;
}

export function toLambdaRecord(r: StreamRecord, streamArn: string): LambdaStreamRecord {
  const shaped = plain(r) as Omit<LambdaStreamRecord, 'eventSourceARN'>;
  return { ...shaped, dynamodb: shaped.dynamodb ?? {}, eventSourceARN: streamArn };
}
