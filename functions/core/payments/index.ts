export * from './types.js';
export * from './transitions.js';
export * from './cascade.js';
export * from './view.js';
export * from './processor-outcome.js';
export * from './refunds.js';
