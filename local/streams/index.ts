export { StreamPoller, type StreamPollerOptions } from './poller.js';
export type { LambdaStreamRecord } from './record.js';
