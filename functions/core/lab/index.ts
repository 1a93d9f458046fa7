export * from './scenario.js';
export * from './hash.js';
export * from './metrics.js';
export * from './world.js';
export * from './strategies.js';
export * from './simulate.js';
export * from './backtest-line.js';
export * from './backtest.js';
