export * from './types.js';
export * from './period.js';
export * from './invoice.js';
export * from './dunning.js';
export * from './churn.js';
export * from './pdf.js';
export * from './render.js';
export * from './views.js';
