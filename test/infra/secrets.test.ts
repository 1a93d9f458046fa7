import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { build } from './helpers.js';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:agentpay/processors-AbCdEf';

function envOf(b: ReturnType<typeof build>, id: string): Record<string, unknown> {
  const fn = b.stateless.node.findAll().find((c) => c.node.id === id && c.node.path.includes('/Functions/'));
  if (!fn) throw new Error(`no function ${id}`);
  const cfn = fn.node.defaultChild as unknown as { environment?: unknown };
  const env = Stack.of(fn).resolve(cfn.environment) as { variables?: Record<string, unknown> } | undefined;
  return env?.variables ?? {};
}

describe('processor credentials from Secrets Manager', () => {
  it('gives each function exactly the settings its contract declares, as deploy-time dynamic references', () => {
    const b = build({ processorSecretArn: SECRET });
    const stripe = envOf(b, 'ConnectorStripe');
    expect(JSON.stringify(stripe['STRIPE_API_KEY'])).toContain(`{{resolve:secretsmanager:${SECRET}:SecretString:STRIPE_API_KEY::}}`);
    expect(stripe['ADYEN_API_KEY']).toBeUndefined();
    const steps = envOf(b, 'PaymentSteps');
    expect(Object.keys(steps).filter((k) => /STRIPE|ADYEN/.test(k) && !k.startsWith('CONNECTOR_'))).toEqual([]);
  });

  it('configures no processor credentials without the context value', () => {
    expect(envOf(build(), 'ConnectorStripe')['STRIPE_API_KEY']).toBeUndefined();
  });
});
