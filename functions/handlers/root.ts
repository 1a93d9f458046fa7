/**
 * The composition root: builds adapters from the validated configuration, once per process (on
 * first use), and hands them to use cases. Handlers import only what they use; adapters are
 * constructed lazily so a function never pays for what it does not touch.
 */
import { DynamoAuditTrail } from '../adapters/dynamodb/audit-trail.js';
import { documentClient } from '../adapters/dynamodb/client.js';
import { DynamoDbEventLog } from '../adapters/dynamodb/event-log.js';
import { DynamoDbIdempotencyStore } from '../adapters/dynamodb/idempotency-store.js';
import { DynamoLedger } from '../adapters/dynamodb/ledger.js';
import { DynamoDbMerchantStore } from '../adapters/dynamodb/merchants.js';
import { DynamoDbPaymentMethodStore } from '../adapters/dynamodb/payment-methods.js';
import { DynamoDbPaymentStore } from '../adapters/dynamodb/payments.js';
import { DynamoDbWebhookStore } from '../adapters/dynamodb/webhooks.js';
import { EventBridgePublisher } from '../adapters/eventbridge/publisher.js';
import { FetchWebhookSender } from '../adapters/http/webhook-sender.js';
import { systemClock, systemIds } from '../adapters/system/index.js';
import { EnvelopeVault } from '../adapters/vault/envelope.js';
import { KmsKeyService } from '../adapters/vault/kms-key-service.js';
import { LocalKeyService } from '../adapters/vault/local-key-service.js';
import type { AuditTrail } from '../app/ports/audit-trail.js';
import type { EventLog } from '../app/ports/event-log.js';
import type { EventPublisher } from '../app/ports/event-publisher.js';
import type { IdempotencyStore } from '../app/ports/idempotency-store.js';
import type { Ledger } from '../app/ports/ledger.js';
import type { MerchantStore } from '../app/ports/merchant-store.js';
import type { PaymentMethodStore } from '../app/ports/payment-method-store.js';
import type { PaymentStore } from '../app/ports/payment-store.js';
import type { Vault } from '../app/ports/vault.js';
import type { WebhookDeps } from '../app/webhooks.js';
import { config, type Config } from '../config.js';
import { once } from './once.js';
export { once };

export const cfg = (): Config => config();
export const clock = systemClock;
export const ids = systemIds;
export const keyMode = (): 'test' | 'live' => (cfg().AGENTPAY_ENVIRONMENT === 'live' ? 'live' : 'test');

export const db = once(() => documentClient(cfg().AWS_REGION));
export const idempotencyStore = once((): IdempotencyStore => new DynamoDbIdempotencyStore(db(), cfg().tables.idempotency));
export const merchantStore = once((): MerchantStore => new DynamoDbMerchantStore(db(), cfg().tables.platform));
export const eventLog = once((): EventLog => new DynamoDbEventLog(db(), cfg().tables.platform));
export const eventPublisher = once((): EventPublisher => new EventBridgePublisher(cfg().AWS_REGION, cfg().EVENT_BUS_NAME));
export const paymentMethodStore = once((): PaymentMethodStore => new DynamoDbPaymentMethodStore(db(), cfg().tables.platform));
export const paymentStore = once((): PaymentStore => new DynamoDbPaymentStore(db(), cfg().tables.platform, cfg().tables.audit));
export const ledger = once((): Ledger => new DynamoLedger(db(), cfg().tables.ledger));
export const auditTrail = once((): AuditTrail => new DynamoAuditTrail(db(), cfg().tables.audit));

export const vault = once((): Vault => {
  const c = cfg();
  if (c.LOCAL_KEY_FILE) return new EnvelopeVault(new LocalKeyService(c.LOCAL_KEY_FILE));
  if (!c.KMS_KEY_ID) throw new Error('configure KMS_KEY_ID (AWS) or LOCAL_KEY_FILE (local mode)');
  return new EnvelopeVault(new KmsKeyService(c.AWS_REGION, c.KMS_KEY_ID, c.KMS_HMAC_KEY_ID));
});

export const webhookDeps = once((): WebhookDeps => ({ webhooks: new DynamoDbWebhookStore(db(), cfg().tables.platform), vault: vault(), sender: new FetchWebhookSender(), clock, ids }));
