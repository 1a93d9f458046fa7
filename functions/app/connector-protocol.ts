/**
 * The wire protocol between the saga/API functions and the card connector functions: one
 * CardProcessor call per invocation. Each connector runs in its own function so that only it
 * bundles its processor SDK and holds its processor credentials (least privilege), and so that a
 * slow or failing processor cannot exhaust the saga function.
 */
import type { AuthorizeRequest, CaptureRequest, CardProcessor, RefundRequest, VoidRequest } from './ports/card-processor.js';

export type ConnectorCall =
  | { readonly op: 'authorize'; readonly request: AuthorizeRequest }
  | { readonly op: 'capture'; readonly request: CaptureRequest }
  | { readonly op: 'void'; readonly request: VoidRequest }
  | { readonly op: 'refund'; readonly request: RefundRequest }
  | { readonly op: 'retrieve'; readonly request: { readonly reference: string } };

/** Serves one call with an in-process processor (the connector function's body). */
export async function serveConnectorCall(processor: CardProcessor, call: ConnectorCall): Promise<unknown> {
  switch (call.op) {
    case 'authorize':
      return processor.authorize(call.request);
    case 'capture':
      return processor.capture(call.request);
    case 'void':
      return processor.void(call.request);
    case 'refund':
      return processor.refund(call.request);
    case 'retrieve':
      return (await processor.retrieve(call.request.reference)) ?? null;
    default: {
      const never: never = call;
      throw new Error(`unknown connector op ${JSON.stringify(never)}`);
    }
  }
}
