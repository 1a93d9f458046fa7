import { AppError } from '../../core/errors.js';
import { sagaSteps } from './registry.js';
import type { SagaContext, SagaStep } from './context.js';
import type { SagaDeps } from './deps.js';

export { sagaSteps };

/** Runs one named step of the payment saga (the Task state passes `{ step, ctx }`). */
export async function runSagaStep(step: SagaStep, ctx: SagaContext, deps: SagaDeps): Promise<SagaContext> {
  const fn = sagaSteps[step];
  if (!fn) throw new AppError('invalid_request', `unknown saga step ${step}`);
  return fn(ctx, deps);
}
