export { LocalStepFunctions, type ExecutionRecord, type LocalStateMachineDef, type LocalStepFunctionsOptions } from './engine.js';
export { LambdaFunctionError } from './task-handlers.js';
export type { OverheadStats } from './overhead.js';
