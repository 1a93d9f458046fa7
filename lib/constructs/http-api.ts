/**
 * The public HTTP API: one route per entry of contracts/routes.ts, integrated with its function.
 * Every non-`public` route goes through the API key authorizer (a Lambda REQUEST authorizer with
 * simple responses); the handlers still check the principal's kind (admin / merchant / agent).
 */
import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type RouteDef } from '../../functions/contracts/routes.js';
import { constructId } from '../naming.js';
import type { PlatformFunctions } from './platform-functions.js';

export interface PlatformHttpApiProps {
  readonly routes: readonly RouteDef[];
  readonly functions: PlatformFunctions;
  /** Function id of the API key authorizer. */
  readonly authorizerFunctionId: string;
}

/** JSON access log line; no headers, no bodies (keys and PII never reach the logs). */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

export class PlatformHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly routes: { readonly def: RouteDef; readonly route: apigw.HttpRoute }[] = [];

  constructor(scope: Construct, id: string, props: PlatformHttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Smart-Agent-Pay public API',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Account-level protection; per-key limits are enforced by the platform itself (DESIGN.md §7).
      throttle: { rateLimit: 500, burstLimit: 1000 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    // Results are cached per Authorization header for 10 s only: a revoked key keeps working for at
    // most 10 s at the gateway, and money-moving paths re-check the key's agent and mandate state
    // at reservation time inside the saga (conditional writes), so revocation is enforced there
    // regardless of this cache. A short TTL still absorbs bursts from one client.
    const authorizer = new HttpLambdaAuthorizer('ApiKeyAuthorizer', props.functions.get(props.authorizerFunctionId), {
      authorizerName: 'api-key',
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: Duration.seconds(10),
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    const seen = new Set<string>();
    for (const def of props.routes) {
      const key = routeKey(def);
      if (seen.has(key)) throw new Error(`duplicate route ${key}`);
      seen.add(key);
      let integration = integrations.get(def.functionId);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${def.functionId}Integration`, props.functions.get(def.functionId), {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        });
        integrations.set(def.functionId, integration);
      }
      const route = new apigw.HttpRoute(this, `Route${def.method}${constructId(def.path)}`, {
        httpApi: this.api,
        routeKey: apigw.HttpRouteKey.with(def.path, apigw.HttpMethod[def.method]),
        integration,
        authorizer: def.auth === 'public' ? new apigw.HttpNoneAuthorizer() : authorizer,
      });
      this.routes.push({ def, route });
    }
  }

  /** `https://{id}.execute-api.{region}.amazonaws.com/` */
  get url(): string {
    return this.stage.url;
  }
}
