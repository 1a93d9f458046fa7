/** Local ARNs: the same shapes as on AWS, in a fixed fake account, so ASL and targets read alike. */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';

export const functionArn = (id: string): string => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${id}`;
export const stateMachineArn = (id: string): string => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${id}`;
export const eventBusArn = (name: string): string => `arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT}:event-bus/${name}`;

/** The function id in a Lambda ARN (qualified or not), a partial ARN or a bare name. */
export function functionIdFromArn(arnOrName: string): string | undefined {
  const m = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(arnOrName);
  if (m) return m[1];
  if (/^[A-Za-z0-9_-]+$/.test(arnOrName)) return arnOrName;
  return undefined;
}

export function stateMachineIdFromArn(arn: string): string | undefined {
  return /^arn:aws[\w-]*:states:[^:]*:[^:]*:stateMachine:([^:]+)$/.exec(arn)?.[1];
}
