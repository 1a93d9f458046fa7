import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';
import { substitute } from '../../functions/contracts/asl.js';
import type { SagaContext, SagaStep } from '../../functions/app/saga/context.js';
import type { SagaDeps } from '../../functions/app/saga/deps.js';
import { runSagaStep } from '../../functions/app/saga/run-step.js';

const FN = 'arn:aws:lambda:us-east-1:000000000000:function:PaymentSteps';

/** Runs the real statemachines/payment.asl.json with every Task bound to the saga steps and `deps`. */
/** Thrown out of the execution to simulate the process dying mid-saga (no Catch can see it). */
export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

export async function runPaymentSaga(input: SagaContext, deps: SagaDeps, hooks: { beforeStep?: (step: SagaStep) => 'crash' | void } = {}): Promise<SagaContext> {
  let crashed: (() => void) | undefined;
  const crash = new Promise<never>((_, reject) => { crashed = () => reject(new SimulatedCrash('process killed')); });
  const asl = JSON.parse(substitute(readFileSync('statemachines/payment.asl.json', 'utf8'), { PaymentStepsFunctionArn: FN })) as { States: Record<string, { Type: string }> };
  const tasks = Object.entries(asl.States).filter(([, s]) => s.Type === 'Task').map(([name]) => name);
  const handlers = Object.fromEntries(
    tasks.map((name) => [
      name,
      async (event: { step: SagaStep; ctx: SagaContext }) => {
        if (hooks.beforeStep?.(event.step) === 'crash') {
          crashed!();
          exec.abort();
          return new Promise(() => undefined);
        }
        return runSagaStep(event.step, event.ctx, deps);
      },
    ]),
  );
  const sm = new StateMachine(asl as never, { validationOptions: { checkArn: false, checkPaths: true } });
  // eslint-disable-next-line prefer-const
  let exec: ReturnType<StateMachine['run']>;
  exec = sm.run(input as never, { overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides: Object.fromEntries(tasks.map((t) => [t, 0])) } });
  return (await Promise.race([exec.result, crash])) as unknown as SagaContext;
}
