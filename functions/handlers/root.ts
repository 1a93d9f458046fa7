/**
 * The composition root: builds adapters from the validated configuration, once per process, and
 * hands them to use cases. Handlers import only what they use, so each bundle stays small.
 */
import { config, type Config } from '../config.js';
import { documentClient } from '../adapters/dynamodb/client.js';
import { DynamoDbIdempotencyStore } from '../adapters/dynamodb/idempotency-store.js';
import { DynamoDbMerchantStore } from '../adapters/dynamodb/merchants.js';
import { systemClock, systemIds } from '../adapters/system/index.js';
import type { IdempotencyStore } from '../app/ports/idempotency-store.js';
import type { MerchantStore } from '../app/ports/merchant-store.js';

const once = <T>(make: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= make());
};

export const cfg = (): Config => config();
export const db = once(() => documentClient(cfg().AWS_REGION));
export const idempotencyStore = once((): IdempotencyStore => new DynamoDbIdempotencyStore(db(), cfg().tables.idempotency));
export const merchantStore = once((): MerchantStore => new DynamoDbMerchantStore(db(), cfg().tables.platform));
export const clock = systemClock;
export const ids = systemIds;
export const keyMode = (): 'test' | 'live' => (cfg().AGENTPAY_ENVIRONMENT === 'live' ? 'live' : 'test');
import { DynamoDbEventLog } from '../adapters/dynamodb/event-log.js';
import type { EventLog } from '../app/ports/event-log.js';
export const eventLog = once((): EventLog => new DynamoDbEventLog(db(), cfg().tables.platform));
import { EventBridgePublisher } from '../adapters/eventbridge/publisher.js';
import type { EventPublisher } from '../app/ports/event-publisher.js';
export const eventPublisher = once((): EventPublisher => new EventBridgePublisher(cfg().AWS_REGION, cfg().EVENT_BUS_NAME));
