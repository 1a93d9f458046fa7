/**
 * A stand-in function module for adapter tests: it answers by the request path so one module can
 * play every case (echo the event, throw, deny, plain result …). Loaded by the runtime's
 * FunctionHost exactly like a real handler module.
 */
interface V2Event { rawPath?: string; routeKey?: string; type?: string; headers?: Record<string, string> }
interface Ctx { awsRequestId: string; functionName: string; getRemainingTimeInMillis(): number }

export const handler = async (event: V2Event, context: Ctx): Promise<unknown> => {
  // Authorizer role: deny when asked to, else authorize with a context the route can see.
  if (event.type === 'REQUEST') {
    if (event.headers?.['x-deny'] === '1') return { isAuthorized: false };
    return { isAuthorized: true, context: { principal: 'fake', authenticated: event.headers?.authorization !== undefined } };
  }
  const path = event.rawPath ?? '';
  if (path.endsWith('/throw')) {
    const err = new Error('boom at /srv/secret/path.ts:12');
    err.name = 'KaboomError';
    throw err;
  }
  if (path.endsWith('/plain')) return { hello: 'world' };
  if (path.endsWith('/binary')) return { statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true };
  if (path.endsWith('/cookies')) return { statusCode: 204, cookies: ['a=1; Path=/', 'b=2; Path=/'] };
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'x-function': context.functionName },
    body: JSON.stringify({ event, context: { awsRequestId: context.awsRequestId, functionName: context.functionName, remaining: context.getRemainingTimeInMillis() } }),
  };
};
