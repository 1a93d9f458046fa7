/**
 * The only reader of `process.env`. Parsed and validated once, on first use (cold start), and
 * failing with a message that names the variable. Everything else receives a typed `Config`.
 */
import * as z from 'zod';
import { AUDIT_TABLE, IDEMPOTENCY_TABLE, LEDGER_TABLE, PLATFORM_TABLE } from './contracts/tables.js';
import { EVENT_BUS_ENV } from './contracts/events.js';

const optional = z.string().min(1).optional();

const schema = z.object({
  AGENTPAY_MODE: z.enum(['local', 'aws']).default('aws'),
  /** `test` enables the sandbox endpoints and test keys; `live` answers 404 on /v1/sandbox. */
  AGENTPAY_ENVIRONMENT: z.enum(['test', 'live']).default('test'),
  AWS_REGION: z.string().default('us-east-1'),
  // Names must equal the `envVar` of each table in contracts/tables.ts (checked below).
  LEDGER_TABLE: z.string().min(1),
  IDEMPOTENCY_TABLE: z.string().min(1),
  PLATFORM_TABLE: z.string().min(1),
  AUDIT_TABLE: z.string().min(1),
  EVENT_BUS_NAME: z.string().default('default'),
  STATE_MACHINE_PAYMENT_ARN: optional,
  STATE_MACHINE_PAYOUT_BATCH_ARN: optional,
  /** One-off schedules (payouts): group and role, set by CDK for functions with `scheduler` access. */
  SCHEDULER_GROUP_NAME: optional,
  SCHEDULER_ROLE_ARN: optional,
  /** Target of a payout batch's one-off schedule (the PayoutBatchStart function); locally derived. */
  PAYOUT_START_FUNCTION_ARN: optional,
  /** The approval workflow (statemachines/payment-approval.asl.json). */
  STATE_MACHINE_PAYMENT_APPROVAL_ARN: optional,
  /** Above this amount (minor units) two distinct approvers are needed. */
  APPROVAL_DUAL_ABOVE: z.coerce.number().int().min(0).default(1_000_000),
  /** How long an FX quote stays locked. */
  FX_QUOTE_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** FX markup for merchants without their own (basis points). */
  FX_DEFAULT_MARKUP_BPS: z.coerce.number().int().min(0).max(2_000).default(50),
  /** Live FX provider (adapters/fx/http-rates.ts); unset = the shipped reference table. */
  FX_RATES_URL: z.string().url().optional(),
  /** SHA-256 (hex) of the operator's admin key; the key itself never reaches a function. */
  ADMIN_KEY_SHA256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** KMS key for envelope encryption on AWS. */
  KMS_KEY_ID: optional,
  /** KMS HMAC_256 key for card fingerprints on AWS. */
  KMS_HMAC_KEY_ID: optional,
  /** Local mode: a 32-byte key file (hex) used instead of KMS for the vault and PII fields. */
  LOCAL_KEY_FILE: optional,
  STRIPE_API_KEY: optional,
  /** Points the stripe SDK at the local sandbox (`http://127.0.0.1:port`); unset on AWS. */
  STRIPE_API_BASE: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  /** Function names of the card connectors (one per processor); a processor without one is not routed to. */
  CONNECTOR_STRIPE_FUNCTION: optional,
  CONNECTOR_ADYEN_FUNCTION: optional,
  ADYEN_API_KEY: optional,
  ADYEN_MERCHANT_ACCOUNT: optional,
  /** HMAC key (hex) of the Adyen webhook; verifies every notification item's signature. */
  ADYEN_HMAC_KEY: z.string().regex(/^(?:[0-9a-fA-F]{2})+$/).optional(),
  /** Base URL of Adyen's Checkout API, or of the local Adyen-compatible sandbox. */
  ADYEN_CHECKOUT_BASE: optional,
  /** Admin endpoint of the local sandbox acquirers (used by /v1/sandbox/processors). */
  SANDBOX_CONTROL_URL: optional,
  PIX_API_BASE: optional,
  PIX_CLIENT_ID: optional,
  PIX_CLIENT_SECRET: optional,
  PIX_CERT_FILE: optional,
  PIX_KEY_FILE: optional,
  PIX_RECEIVER_KEY: optional,
  /** Account Pix Automático recurring charges credit (`<branch>/<account>/<checking|savings|payment>`). */
  PIX_RECEIVER_ACCOUNT: z.string().regex(/^\d{0,4}\/\d{1,20}\/(checking|savings|payment)$/).optional(),
  BEDROCK_MODEL_ID: optional,
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

// Fails at import if a contract renames an environment variable without this schema following.
for (const name of [LEDGER_TABLE.envVar, IDEMPOTENCY_TABLE.envVar, PLATFORM_TABLE.envVar, AUDIT_TABLE.envVar, EVENT_BUS_ENV]) {
  if (!(name in schema.shape)) throw new Error(`config schema lacks ${name}`);
}

export type Config = z.infer<typeof schema> & {
  readonly tables: { readonly ledger: string; readonly idempotency: string; readonly platform: string; readonly audit: string };
  /** Processor id → connector function name. */
  readonly connectors: Readonly<Record<string, string>>;
};

let cached: Config | undefined;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${issues}`);
  }
  const c = parsed.data;
  return {
    ...c,
    tables: { ledger: c.LEDGER_TABLE, idempotency: c.IDEMPOTENCY_TABLE, platform: c.PLATFORM_TABLE, audit: c.AUDIT_TABLE },
    connectors: Object.fromEntries(
      [['stripe', c.CONNECTOR_STRIPE_FUNCTION], ['adyen', c.CONNECTOR_ADYEN_FUNCTION]].filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  };
}

/** The process-wide configuration, validated on first call. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/** For tests and the local runtime: forget the cached configuration. */
export function resetConfigForTests(): void {
  cached = undefined;
}
