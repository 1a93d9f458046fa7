/**
 * Conditional triggers: create (the pattern validated by the EventBridge matcher, the action's
 * params by the API schema of the action they stand for), list, disable.
 */
import { createPaymentRequest } from '../../contracts/api/payments.js';
import { createPayoutBatchRequest } from '../../contracts/api/payouts.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { InvalidPatternError, validatePattern } from '../../core/event-pattern/index.js';
import { deterministicId } from '../../core/ids.js';
import type { Trigger, TriggerActionType } from '../../core/triggers/index.js';
import type { TriggerStore } from '../ports/trigger-store.js';
import type { Clock, Ids } from '../ports/system.js';

export interface TriggerDeps {
  readonly triggers: TriggerStore;
  readonly clock: Clock;
  readonly ids: Ids;
}

const fieldOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : `${acc}.${String(seg)}`), 'action.params');

/** Checks the params now, so a bad rule fails at creation rather than at 3 a.m. when it fires. */
function checkParams(type: TriggerActionType, params: Record<string, unknown>): void {
  const schema = type === 'payment' ? createPaymentRequest : createPayoutBatchRequest;
  const r = schema.safeParse(params);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    throw invalid(`${fieldOf(path)}: ${issue.message}`, fieldOf(path));
  }
  if (type === 'payment' && (params['payment_method'] as { type?: string } | undefined)?.type !== 'card') {
    throw invalid('A trigger pays with a card on file (payment_method.type card)', 'action.params.payment_method.type');
  }
}

export async function createTrigger(merchantId: string, idempotencyKey: string | undefined, input: { pattern: unknown; action: { type: TriggerActionType; params: Record<string, unknown> } }, deps: TriggerDeps): Promise<Trigger> {
  let pattern: Record<string, unknown>;
  try {
    pattern = validatePattern(input.pattern);
  } catch (err) {
    if (!(err instanceof InvalidPatternError)) throw err;
    throw new AppError('invalid_request', `Invalid event pattern: ${err.message}`, { param: err.path === '' ? 'pattern' : `pattern.${err.path}` });
  }
  checkParams(input.action.type, input.action.params);
  const now = deps.clock.now().toISOString();
  // With an Idempotency-Key a retried create is the same trigger; without one each call is a new one.
  const id = idempotencyKey ? deterministicId('trg', merchantId, idempotencyKey) : deps.ids.random('trg');
  const existing = await deps.triggers.get(merchantId, id);
  if (existing) return existing;
  return deps.triggers.create({ id, merchant_id: merchantId, pattern, action: input.action, status: 'enabled', created: now, updated: now });
}

export async function disableTrigger(merchantId: string, id: string, deps: TriggerDeps): Promise<Trigger> {
  const t = await deps.triggers.get(merchantId, id);
  if (!t) throw notFound('trigger');
  if (t.status === 'disabled') return t;
  return deps.triggers.update({ ...t, status: 'disabled', updated: deps.clock.now().toISOString() });
}
