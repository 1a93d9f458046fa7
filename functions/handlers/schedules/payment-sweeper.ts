/** Schedule: resumes card payments whose saga died with its process (see app/payment-sweeper.ts). */
import { resumeStalePayments } from '../../app/payment-sweeper.js';
import { log } from '../log.js';
import { clock, paymentStore } from '../root.js';
import { paymentWorkflow } from '../root-payments.js';

export const handler = async (): Promise<{ resumed: number; failed: number }> =>
  resumeStalePayments({ payments: paymentStore(), workflow: paymentWorkflow(), clock, onError: (id, err) => log.error('could not resume payment', { paymentId: id, error: err instanceof Error ? err.name : 'unknown' }) });
