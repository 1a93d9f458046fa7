export * from './failure-codes.js';
export * from './network-signals.js';
export * from './retry-caps.js';
export * from './decide.js';
