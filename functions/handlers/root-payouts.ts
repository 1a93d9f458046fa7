/**
 * The payouts part of the composition root: payout store, the Pix PSP (API Pix connector: it is
 * the one that sends Pix), the batch runner (Step Functions + Scheduler). Kept apart from root.ts
 * so functions that never pay out do not bundle the Scheduler SDK.
 */
import { DynamoDbPayoutStore } from '../adapters/dynamodb/payouts.js';
import { PixApiPsp } from '../adapters/pix-api/index.js';
import { StepFunctionsPayoutRunner } from '../adapters/stepfunctions/payout-runner.js';
import type { PayoutDeps } from '../app/payouts/deps.js';
import type { PayoutRunner, PayoutStore } from '../app/ports/payout-store.js';
import type { PixPayouts } from '../app/ports/pix-payout.js';
import { log } from './log.js';
import { cfg, clock, db, ids, ledger, once, vault } from './root.js';

export const payoutStore = once((): PayoutStore => new DynamoDbPayoutStore(db(), cfg().tables.platform));

export const payoutPsp = once((): PixPayouts => {
  const c = cfg();
  if (!c.PIX_API_BASE || !c.PIX_CLIENT_ID || !c.PIX_CLIENT_SECRET) throw new Error('configure PIX_API_BASE, PIX_CLIENT_ID and PIX_CLIENT_SECRET to send payouts');
  return new PixApiPsp({
    baseUrl: c.PIX_API_BASE, clientId: c.PIX_CLIENT_ID, clientSecret: c.PIX_CLIENT_SECRET,
    ...(c.PIX_CERT_FILE && c.PIX_KEY_FILE ? { certFile: c.PIX_CERT_FILE, keyFile: c.PIX_KEY_FILE } : {}),
  });
});

export const payoutRunner = once((): PayoutRunner => {
  const c = cfg();
  if (!c.STATE_MACHINE_PAYOUT_BATCH_ARN) throw new Error('STATE_MACHINE_PAYOUT_BATCH_ARN is not configured');
  // Locally function ARNs follow the runtime's fixed fake account (local/lambda/arns.ts).
  const startFunctionArn = c.PAYOUT_START_FUNCTION_ARN ?? (c.AGENTPAY_MODE === 'local' ? `arn:aws:lambda:${c.AWS_REGION}:000000000000:function:PayoutBatchStart` : undefined);
  if (!startFunctionArn) throw new Error('PAYOUT_START_FUNCTION_ARN is not configured');
  return new StepFunctionsPayoutRunner({
    region: c.AWS_REGION, stateMachineArn: c.STATE_MACHINE_PAYOUT_BATCH_ARN, startFunctionArn,
    ...(c.SCHEDULER_GROUP_NAME ? { scheduleGroup: c.SCHEDULER_GROUP_NAME } : {}),
    ...(c.SCHEDULER_ROLE_ARN ? { scheduleRoleArn: c.SCHEDULER_ROLE_ARN } : {}),
  });
});

export const payoutDeps = once((): PayoutDeps => ({
  store: payoutStore(), runner: payoutRunner(), psp: payoutPsp(), ledger: ledger(), vault: vault(), clock, ids,
  log: (level, msg, attrs) => log[level](msg, attrs),
}));

/** What the API needs (no PSP: creating a batch never talks to the PSP). */
export const payoutApiDeps = () => ({ store: payoutStore(), runner: payoutRunner(), vault: vault(), clock });
