import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * State machines get deterministic names so their ARNs can be computed without referencing the
 * state machine resource: functions receive `STATE_MACHINE_<ID>_ARN` and IAM grants on it while
 * the state machine itself references those functions' ARNs — no circular dependency is possible,
 * whichever way the contracts point.
 */
export const stateMachineName = (scope: IConstruct, id: string): string => `${Stack.of(scope).stackName}-${id}`;

export const stateMachineArn = (scope: IConstruct, id: string): string =>
  Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: stateMachineName(scope, id),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

/** A construct id from free text (route keys, ids with dashes). */
export const constructId = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
