import { describe, expect, it } from 'vitest';
import { AwsTargetError, resolveDynamoTarget } from '../../../local/cli/aws-target.js';

const files = (map: Record<string, string>) => async (path: string): Promise<string> => {
  const text = map[path];
  if (text === undefined) throw new Error(`ENOENT ${path}`);
  return text;
};

describe('resolveDynamoTarget', () => {
  it('uses the table variable and AWS_ENDPOINT_URL_DYNAMODB from the environment first, with dummy credentials on loopback', async () => {
    const t = await resolveDynamoTarget('audit', {
      env: { AUDIT_TABLE: 'agentpay-audit', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000' },
      readFile: files({ '.data/runtime.json': '{"dynamodbEndpoint":"http://127.0.0.1:9","tables":{"audit":"other"}}' }),
    });
    expect(t).toEqual({ tableName: 'agentpay-audit', endpoint: 'http://127.0.0.1:8000', region: 'us-east-1', local: true, source: 'env' });
  });

  it('targets AWS itself (no endpoint, default credential chain) when only the table is set', async () => {
    const t = await resolveDynamoTarget('ledger', { env: { LEDGER_TABLE: 'prod-ledger', AWS_REGION: 'sa-east-1' } });
    expect(t).toEqual({ tableName: 'prod-ledger', region: 'sa-east-1', local: false, source: 'env' });
  });

  it('falls back to .data/runtime.json written by the local runtime', async () => {
    const t = await resolveDynamoTarget('audit', {
      env: {},
      readFile: files({ '.data/runtime.json': '{"dynamodbEndpoint":"http://127.0.0.1:8123","tables":{"audit":"agentpay-audit","ledger":"agentpay-ledger"}}' }),
    });
    expect(t).toEqual({ tableName: 'agentpay-audit', endpoint: 'http://127.0.0.1:8123', region: 'us-east-1', local: true, source: 'runtime-file' });
  });

  it('explains how to configure a target when there is none, and rejects a runtime file without the table', async () => {
    await expect(resolveDynamoTarget('audit', { env: {}, readFile: files({}) })).rejects.toThrow(/AUDIT_TABLE.*npm start/);
    await expect(resolveDynamoTarget('audit', { env: {}, readFile: files({ '.data/runtime.json': '{"tables":{}}' }) })).rejects.toBeInstanceOf(AwsTargetError);
    await expect(resolveDynamoTarget('audit', { env: {}, readFile: files({ '.data/runtime.json': 'nope' }) })).rejects.toThrow(/not JSON/);
  });
});
