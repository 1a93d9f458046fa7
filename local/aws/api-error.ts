/**
 * An error answered to an AWS SDK client: `{ "__type": <code>, "message" }` with an HTTP status
 * (400 for client faults). The SDK's JSON protocols read the code from `__type` and build the
 * modeled exception class of that name (e.g. `ExecutionDoesNotExist`, `TaskTimedOut`).
 */
export class AwsApiError extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
    this.name = code;
  }
}
