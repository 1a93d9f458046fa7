import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DescribeExecutionCommand, ExecutionAlreadyExists, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient,
  StartExecutionCommand, StartSyncExecutionCommand, StateMachineDoesNotExist, TaskDoesNotExist,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionDef } from '../../../functions/contracts/functions.js';
import { installSyncHostPrefixResolver, startAwsEndpoint, stepFunctionsApi, type AwsEndpoint } from '../../../local/aws/index.js';
import { stateMachineArn } from '../../../local/lambda/arns.js';
import { loadFunctions } from '../../../local/lambda/function-host.js';
import { REPO_ROOT } from '../../../local/runtime.js';
import { LocalStepFunctions } from '../../../local/stepfunctions/index.js';
import { state } from '../../support/fake-steps.js';

const steps: FunctionDef = { id: 'FakeSteps', entry: 'test/support/fake-steps.ts', kind: 'saga', description: 'test', timeoutSeconds: 10, memoryMb: 128, access: { tables: {} } };
const asl = readFileSync(join(REPO_ROOT, 'test/support/asl/local-test.asl.json'), 'utf8');
const machine = (id: string, type: 'EXPRESS' | 'STANDARD') => ({ id, file: 'inline', type, description: id, functions: { StepsArn: 'FakeSteps' as never }, asl });

describe('local Step Functions through the real SFN client', () => {
  let engine: LocalStepFunctions;
  let endpoint: AwsEndpoint;
  let sfn: SFNClient;
  const syncArn = stateMachineArn('local-test');
  const stdArn = stateMachineArn('local-test-standard');

  beforeAll(async () => {
    const functions = await loadFunctions([steps], { rootDir: REPO_ROOT });
    // Retry intervals of 2 s scaled to 20 ms: the flag keeps tests fast, real intervals by default.
    engine = new LocalStepFunctions({ machines: [machine('local-test', 'EXPRESS'), machine('local-test-standard', 'STANDARD')], rootDir: REPO_ROOT, functions, retryIntervalScale: 0.01 });
    endpoint = await startAwsEndpoint({ stepFunctions: stepFunctionsApi(engine) });
    installSyncHostPrefixResolver();
    // No disableHostPrefix: the client is configured exactly as a handler's would be.
    sfn = new SFNClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });
  afterAll(async () => {
    sfn.destroy();
    engine.stop();
    await endpoint.stop();
  });

  it('StartSyncExecution runs to completion (an explicit ResultPath "$" replaces the input), retrying a TransientError as the Retry field says', async () => {
    const out = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: syncArn, name: 'plain-1', input: JSON.stringify({ mode: 'plain', amount: 10 }) }));
    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!)).toEqual({ mode: 'plain', amount: 10, ok: true, flaky: 'recovered' });
    expect(state.calls['flaky:plain-1']).toBe(2);
    expect(out.executionArn).toMatch(/^arn:aws:states:us-east-1:000000000000:express:local-test:plain-1:/);
    expect(out.startDate).toBeInstanceOf(Date);
  });

  it('a handler error keeps its name as the Step Functions error, so Catch on that name routes it', async () => {
    const out = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: syncArn, input: JSON.stringify({ mode: 'decline' }) }));
    expect(out.status).toBe('SUCCEEDED');
    const o = JSON.parse(out.output!) as { error: { Error: string; Cause: string } };
    expect(o.error.Error).toBe('PaymentDeclinedError');
    expect(JSON.parse(o.error.Cause)).toEqual({ errorType: 'PaymentDeclinedError', errorMessage: 'card declined', trace: [] });
  });

  it('an uncaught handler error fails the execution with that error and cause', async () => {
    const out = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: syncArn, input: JSON.stringify({ mode: 'crash' }) }));
    expect(out.status).toBe('FAILED');
    expect(out.error).toBe('PaymentDeclinedError');
    expect(out.cause).toContain('card declined');
  });

  it('waitForTaskToken: the Task waits until SendTaskSuccess, whose output becomes the result; a second answer is TaskDoesNotExist', async () => {
    const before = state.tokens.length;
    const running = sfn.send(new StartSyncExecutionCommand({ stateMachineArn: syncArn, input: JSON.stringify({ mode: 'approval' }) }));
    const token = await waitForToken(before);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }));
    const out = await running;
    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!).approval).toEqual({ approved: true });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toBeInstanceOf(TaskDoesNotExist);
  });

  it('waitForTaskToken: SendTaskFailure fails the Task with the given error and cause', async () => {
    const before = state.tokens.length;
    const running = sfn.send(new StartSyncExecutionCommand({ stateMachineArn: syncArn, input: JSON.stringify({ mode: 'approval' }) }));
    const token = await waitForToken(before);
    await sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'ReviewDeclined', cause: 'operator said no' }));
    const out = await running;
    expect(out).toMatchObject({ status: 'FAILED', error: 'ReviewDeclined', cause: 'operator said no' });
  });

  it('StartExecution runs asynchronously; DescribeExecution reports it; a STANDARD name is deduplicated', async () => {
    const input = JSON.stringify({ mode: 'plain' });
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: stdArn, name: 'dedupe-1', input }));
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn: stdArn, name: 'dedupe-1', input }));
    expect(again.executionArn).toBe(started.executionArn);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: stdArn, name: 'dedupe-1', input: '{"mode":"other"}' }))).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await engine.drain();
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(d.status).toBe('SUCCEEDED');
    expect(d.stopDate).toBeInstanceOf(Date);
  });

  it('answers an unknown state machine with StateMachineDoesNotExist, and StartSyncExecution on STANDARD is refused', async () => {
    await expect(sfn.send(new StartSyncExecutionCommand({ stateMachineArn: stateMachineArn('nope'), input: '{}' }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(sfn.send(new StartSyncExecutionCommand({ stateMachineArn: stdArn, input: '{}' }))).rejects.toMatchObject({ name: 'StateMachineTypeNotSupported' });
  });

  it('measures the interpreter overhead per execution (time outside handlers)', () => {
    const s = engine.overhead.stats();
    expect(s.executions).toBeGreaterThanOrEqual(5);
    expect(s.totalHandlerMs).toBeGreaterThan(0);
    expect(s.meanMs).toBeGreaterThan(0);
    expect(s.p95Ms).toBeGreaterThanOrEqual(s.p50Ms);
  });
});

async function waitForToken(before: number): Promise<string> {
  const deadline = Date.now() + 5_000;
  while (state.tokens.length <= before) {
    if (Date.now() > deadline) throw new Error('no task token issued');
    await new Promise((r) => setTimeout(r, 10));
  }
  return state.tokens[state.tokens.length - 1]!;
}
