/**
 * EventBridge Scheduler (restJson1): CreateSchedule `POST /schedules/{Name}`, GetSchedule
 * `GET /schedules/{Name}?groupName=`, DeleteSchedule `DELETE /schedules/{Name}?groupName=`.
 */
import type { LocalScheduler, ScheduleRecord } from '../scheduler.js';
import { AwsApiError } from './api-error.js';

export function schedulerApi(scheduler: LocalScheduler) {
  return async (method: string, name: string, query: URLSearchParams, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const group = query.get('groupName') ?? undefined;
    if (method === 'POST') {
      if (typeof body.ScheduleExpression !== 'string' || !body.Target || !body.FlexibleTimeWindow) {
        throw new AwsApiError('ValidationException', 'ScheduleExpression, Target and FlexibleTimeWindow are required');
      }
      const rec = scheduler.create({ ...(body as unknown as ScheduleRecord), Name: name, GroupName: (body.GroupName as string | undefined) ?? 'default' });
      return { ScheduleArn: rec.Arn };
    }
    if (method === 'GET') return { ...scheduler.get(name, group) };
    if (method === 'DELETE') { scheduler.delete(name, group); return {}; }
    throw new AwsApiError('ValidationException', `${method} /schedules/{Name} is not emulated locally`);
  };
}
