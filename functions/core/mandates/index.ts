export * from './types.js';
export { isoWeek, periodKey } from './period.js';
export { mandateViolation, needsApproval, type PaymentFacts } from './check.js';
export { mandateFromClaims, openMandateClaims, verifyOpenMandate, type OpenMandateClaims } from './open-mandate.js';
