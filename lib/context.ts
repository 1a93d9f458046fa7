/**
 * Deployment-time settings, read once from CDK context (`cdk deploy -c name=value`, or the
 * `context` block of cdk.json). Every value is optional; docs/deploy.md describes each one.
 *
 * - `adminKeySha256`            SHA-256 (hex) of the operator admin key -> `ADMIN_KEY_SHA256` on every
 *                               function. Unset: the admin endpoints refuse everything.
 *                               `-c adminKeySha256=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)`
 * - `alarmEmail`                e-mail subscribed to an (encrypted) SNS topic that every alarm notifies.
 * - `agentpayEnvironment`       `test` (default: sandbox endpoints and test keys) or `live`.
 * - `pixWebhookDomain`          custom domain of the mutual-TLS Pix webhook API (e.g. pix-hooks.example.com).
 * - `pixWebhookCertificateArn`  ACM certificate (same region) for that domain. The mTLS API exists only
 *                               when both values are given.
 * - `pixWebhookTruststoreKey`   object key of the PEM truststore in the truststore bucket (default `truststore.pem`).
 * - `pixWebhookTruststoreVersion` S3 version id of the truststore, to make API Gateway reload a rotated one.
 * - `pixWebhookFunctionId`      function (contracts/functions.ts) that handles the Pix webhook (default `PixWebhook`).
 * - `bedrockModelId`            Bedrock model (or inference profile) id the `bedrock` functions may invoke;
 *                               unset: no Bedrock permission, the assistant answers deterministically.
 * - `processorSecretArn`        Secrets Manager secret (JSON) holding processor and PSP settings
 *                               (STRIPE_API_KEY, ADYEN_API_KEY, PIX_CLIENT_SECRET, …); each function gets
 *                               the names its `access.secrets` declares. Unset: no processor is configured.
 * - `stackPrefix`               prefix of the stack names (default `SmartAgentPay`).
 */
import type { Node } from 'constructs';

export type AgentpayEnvironment = 'test' | 'live';

export interface DeployContext {
  readonly stackPrefix: string;
  readonly adminKeySha256?: string;
  readonly alarmEmail?: string;
  readonly agentpayEnvironment: AgentpayEnvironment;
  readonly pixWebhook?: {
    readonly domainName: string;
    readonly certificateArn: string;
    readonly truststoreKey: string;
    readonly truststoreVersion?: string;
    readonly functionId: string;
  };
  readonly bedrockModelId?: string;
  readonly processorSecretArn?: string;
}

function str(node: Node, key: string): string | undefined {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new Error(`context value ${key} must be a string`);
  return v.trim();
}

export function readDeployContext(node: Node): DeployContext {
  const adminKeySha256 = str(node, 'adminKeySha256')?.toLowerCase();
  if (adminKeySha256 !== undefined && !/^[0-9a-f]{64}$/.test(adminKeySha256)) {
    throw new Error('context adminKeySha256 must be 64 hex characters: printf %s "$KEY" | sha256sum | cut -d" " -f1');
  }
  const env = str(node, 'agentpayEnvironment') ?? 'test';
  if (env !== 'test' && env !== 'live') throw new Error('context agentpayEnvironment must be "test" or "live"');
  const alarmEmail = str(node, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail)) throw new Error('context alarmEmail is not an e-mail address');

  const domainName = str(node, 'pixWebhookDomain');
  const certificateArn = str(node, 'pixWebhookCertificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('context pixWebhookDomain and pixWebhookCertificateArn go together: give both or neither');
  }
  const truststoreVersion = str(node, 'pixWebhookTruststoreVersion');
  const pixWebhook =
    domainName !== undefined && certificateArn !== undefined
      ? {
          domainName,
          certificateArn,
          truststoreKey: str(node, 'pixWebhookTruststoreKey') ?? 'truststore.pem',
          ...(truststoreVersion !== undefined ? { truststoreVersion } : {}),
          functionId: str(node, 'pixWebhookFunctionId') ?? 'PixWebhook',
        }
      : undefined;
  const bedrockModelId = str(node, 'bedrockModelId');
  const processorSecretArn = str(node, 'processorSecretArn');
  return {
    stackPrefix: str(node, 'stackPrefix') ?? 'SmartAgentPay',
    agentpayEnvironment: env,
    ...(adminKeySha256 !== undefined ? { adminKeySha256 } : {}),
    ...(alarmEmail !== undefined ? { alarmEmail } : {}),
    ...(pixWebhook !== undefined ? { pixWebhook } : {}),
    ...(bedrockModelId !== undefined ? { bedrockModelId } : {}),
    ...(processorSecretArn !== undefined ? { processorSecretArn } : {}),
  };
}
