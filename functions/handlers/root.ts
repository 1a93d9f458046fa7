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
import { DynamoDbPaymentMethodStore } from '../adapters/dynamodb/payment-methods.js';
import { EnvelopeVault } from '../adapters/vault/envelope.js';
import { KmsKeyService } from '../adapters/vault/kms-key-service.js';
import { LocalKeyService } from '../adapters/vault/local-key-service.js';
import type { PaymentMethodStore } from '../app/ports/payment-method-store.js';
import type { Vault } from '../app/ports/vault.js';
export const paymentMethodStore = once((): PaymentMethodStore => new DynamoDbPaymentMethodStore(db(), cfg().tables.platform));
export const vault = once((): Vault => {
  const c = cfg();
  if (c.LOCAL_KEY_FILE) return new EnvelopeVault(new LocalKeyService(c.LOCAL_KEY_FILE));
  if (!c.KMS_KEY_ID) throw new Error('configure KMS_KEY_ID (AWS) or LOCAL_KEY_FILE (local mode)');
  return new EnvelopeVault(new KmsKeyService(c.AWS_REGION, c.KMS_KEY_ID, c.KMS_HMAC_KEY_ID));
});
