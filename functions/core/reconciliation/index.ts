export * from './types.js';
export * from './match.js';
export * from './ledger-records.js';
