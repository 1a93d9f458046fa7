/**
 * State machines and their `${Placeholder}` map, declared once. CDK passes
 * `definitionSubstitutions` built from this map (function ARNs, table names); the local runtime
 * substitutes the same placeholders with local ARNs and maps each Task to the handler module of
 * the function it names.
 */
import type { FunctionId } from './functions.js';

export interface StateMachineDef {
  readonly id: string;
  readonly file: string;
  readonly type: 'EXPRESS' | 'STANDARD';
  readonly description: string;
  /** Placeholder name → the function whose ARN replaces it. */
  readonly functions: Readonly<Record<string, FunctionId>>;
  /** Placeholder name → state machine id whose ARN replaces it. */
  readonly stateMachines?: Readonly<Record<string, string>>;
}

export const STATE_MACHINES: readonly StateMachineDef[] = [
  {
    id: 'payment',
    file: 'statemachines/payment.asl.json',
    type: 'EXPRESS',
    description: 'The card payment saga: reserve, risk, route, authorize (cascade), capture, ledger, commit; compensations in reverse',
    functions: { PaymentStepsFunctionArn: 'PaymentSteps' },
  },
  {
    id: 'payment-approval',
    file: 'statemachines/payment-approval.asl.json',
    type: 'STANDARD',
    description: 'Human approval of a payment: waits on a task token (up to 24 h), then resumes the payment saga or releases its reservation',
    functions: { ApprovalStepsFunctionArn: 'ApprovalSteps' },
  },
  {
    id: 'payout-batch',
    file: 'statemachines/payout-batch.asl.json',
    // STANDARD: a batch runs for minutes to hours, and execution names are unique (`<batch>-<run>`).
    type: 'STANDARD',
    description: 'Bulk Pix payouts: pages of open items, a bounded inline Map paying each item at most once, ledger and completion event',
    functions: { PayoutStepsFunctionArn: 'PayoutSteps' },
  },
];

export const STATE_MACHINE_ARN_ENV = (id: string): string => `STATE_MACHINE_${id.toUpperCase().replace(/-/g, '_')}_ARN`;

/** Every `${Name}` occurring in an ASL document. */
export function placeholdersIn(asl: string): string[] {
  return [...new Set([...asl.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))];
}

/** Replaces every `${Name}` with `values[Name]`; throws on a placeholder without a value. */
export function substitute(asl: string, values: Readonly<Record<string, string>>): string {
  return asl.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for placeholder \${${name}}`);
    return v;
  });
}
