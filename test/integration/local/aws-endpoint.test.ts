import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { CreateScheduleCommand, DeleteScheduleCommand, GetScheduleCommand, ResourceNotFoundException, SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsApi, schedulerApi, startAwsEndpoint, type AwsEndpoint } from '../../../local/aws/index.js';
import { DeadLetterLog, LocalEventBus, type BusEvent } from '../../../local/bus/index.js';
import { functionArn } from '../../../local/lambda/arns.js';
import { LocalScheduler, type ScheduleRecord } from '../../../local/scheduler.js';
import { eventually } from '../../support/runtime.js';

const client = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

describe('AWS endpoint: EventBridge and Scheduler through the real SDK clients', () => {
  const delivered: BusEvent[] = [];
  const fired: ScheduleRecord['Target'][] = [];
  let endpoint: AwsEndpoint;
  let scheduler: LocalScheduler;
  let events: EventBridgeClient;
  let schedules: SchedulerClient;

  beforeAll(async () => {
    const bus = new LocalEventBus({
      consumers: [{ id: 'all', functionId: 'EventLog', description: '', pattern: { source: ['smart-agent-pay'] }, retry: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } }],
      invoke: async (_fn, e) => { delivered.push(e); },
      deadLetters: new DeadLetterLog(),
    });
    scheduler = new LocalScheduler({ schedules: [], invokeFunction: async () => undefined, fireTarget: async (t) => { fired.push(t); } });
    scheduler.start();
    endpoint = await startAwsEndpoint({ events: eventsApi(bus), scheduler: schedulerApi(scheduler) });
    events = new EventBridgeClient({ ...client, endpoint: endpoint.url });
    schedules = new SchedulerClient({ ...client, endpoint: endpoint.url });
  });
  afterAll(async () => {
    scheduler.stop();
    events.destroy();
    schedules.destroy();
    await endpoint.stop();
  });

  it('PutEvents hands entries to the local bus and returns an EventId per entry', async () => {
    const out = await events.send(new PutEventsCommand({
      Entries: [{ Source: 'smart-agent-pay', DetailType: 'merchant.created', Detail: JSON.stringify({ id: 'evt_1' }), EventBusName: 'agentpay-local' }],
    }));
    expect(out.FailedEntryCount).toBe(0);
    const id = out.Entries?.[0]?.EventId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const e = await eventually(async () => delivered.find((d) => d.id === id));
    expect(e.detail).toEqual({ id: 'evt_1' });
  });

  it('CreateSchedule with at(…) fires its target once and deletes itself (ActionAfterCompletion DELETE); Get and Delete work', async () => {
    const at = new Date(Date.now() + 1_500).toISOString().slice(0, 19); // to the second: 0.5–1.5 s ahead
    const target = { Arn: functionArn('WebhookRetry'), RoleArn: 'arn:aws:iam::000000000000:role/x', Input: '{"delivery":"d1"}' };
    const created = await schedules.send(new CreateScheduleCommand({
      Name: 'retry-d1', ScheduleExpression: `at(${at})`, FlexibleTimeWindow: { Mode: 'OFF' }, Target: target, ActionAfterCompletion: 'DELETE',
    }));
    expect(created.ScheduleArn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule/default/retry-d1');
    const got = await schedules.send(new GetScheduleCommand({ Name: 'retry-d1' }));
    expect(got).toMatchObject({ Name: 'retry-d1', ScheduleExpression: `at(${at})`, Target: { Arn: target.Arn, Input: target.Input } });
    expect(got.CreationDate).toBeInstanceOf(Date);
    await eventually(async () => (fired.some((t) => t.Input === target.Input) ? true : undefined), 5_000);
    await eventually(async () => (scheduler.list().length === 0 ? true : undefined));
    await expect(schedules.send(new GetScheduleCommand({ Name: 'retry-d1' }))).rejects.toBeInstanceOf(ResourceNotFoundException);

    await schedules.send(new CreateScheduleCommand({ Name: 'later', ScheduleExpression: 'at(2099-01-01T00:00:00)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: target }));
    await schedules.send(new DeleteScheduleCommand({ Name: 'later' }));
    await expect(schedules.send(new DeleteScheduleCommand({ Name: 'later' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
