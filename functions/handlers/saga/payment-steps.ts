/** The payment saga's Task handler: `{ step, ctx }` → the next context (statemachines/payment.asl.json). */
import type { SagaContext, SagaStep } from '../../app/saga/context.js';
import { runSagaStep } from '../../app/saga/run-step.js';
import { sagaDeps } from '../root-payments.js';

export const handler = async (event: { step: SagaStep; ctx: SagaContext }): Promise<SagaContext> => runSagaStep(event.step, event.ctx, sagaDeps());
