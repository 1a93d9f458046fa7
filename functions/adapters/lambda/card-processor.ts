/**
 * A CardProcessor whose calls run in a connector function (Lambda Invoke, RequestResponse). The
 * card data travels only inside the invocation payload (TLS to the Lambda API, never logged by
 * us). An unhandled error in the connector comes back as an exception: the saga treats it as an
 * unexpected failure (retried, then compensated), never as a decline.
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { ConnectorCall } from '../../app/connector-protocol.js';
import type { AuthorizeRequest, AuthorizeResult, CaptureRequest, CaptureResult, CardProcessor, RefundRequest, RefundResult, RetrieveResult, VoidRequest, VoidResult } from '../../app/ports/card-processor.js';

export class ConnectorInvocationError extends Error {
  override readonly name = 'ConnectorInvocationError';
}

export class LambdaCardProcessor implements CardProcessor {
  constructor(readonly id: string, private readonly functionName: string, private readonly lambda: LambdaClient) {}

  private async call<T>(call: ConnectorCall): Promise<T> {
    const r = await this.lambda.send(new InvokeCommand({ FunctionName: this.functionName, Payload: Buffer.from(JSON.stringify(call)) }));
    const text = r.Payload ? Buffer.from(r.Payload).toString('utf8') : 'null';
    if (r.FunctionError) {
      const err = JSON.parse(text) as { errorType?: string; errorMessage?: string };
      throw new ConnectorInvocationError(`${this.id} connector failed: ${err.errorType ?? 'Error'}: ${err.errorMessage ?? ''}`);
    }
    return JSON.parse(text) as T;
  }

  authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    return this.call({ op: 'authorize', request });
  }
  capture(request: CaptureRequest): Promise<CaptureResult> {
    return this.call({ op: 'capture', request });
  }
  void(request: VoidRequest): Promise<VoidResult> {
    return this.call({ op: 'void', request });
  }
  refund(request: RefundRequest): Promise<RefundResult> {
    return this.call({ op: 'refund', request });
  }
  async retrieve(reference: string): Promise<RetrieveResult | undefined> {
    return (await this.call<RetrieveResult | null>({ op: 'retrieve', request: { reference } })) ?? undefined;
  }
}

let client: LambdaClient | undefined;
/** One Lambda client per process; retries only on throttling/network before the call reached us. */
export function lambdaClient(region: string): LambdaClient {
  client ??= new LambdaClient({ region, maxAttempts: 2 });
  return client;
}
