/**
 * EventBridge event-pattern matching, in process: the same patterns CDK deploys as EventBridge
 * rules route events on the local bus, drive merchant-defined triggers and back
 * `agentpay events test-pattern`. Semantics follow EventBridge's TestEventPattern (AWS docs
 * "Content filtering in Amazon EventBridge event patterns", "Comparison operators for use in
 * event patterns") and, where the docs are silent, aws/event-ruler, the engine behind it.
 * Pure: no I/O, no environment, no clock.
 */
export { InvalidPatternError } from './errors.js';
export type { EventPattern } from './validate.js';
export { validatePattern } from './validate.js';
export { compilePattern, matches } from './match.js';
export type { BusEvent } from './bus-event.js';
