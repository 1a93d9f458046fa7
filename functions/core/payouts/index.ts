export * from './types.js';
export * from './validate.js';
export * from './batch.js';
export * from './report.js';
