/**
 * A webhook API behind mutual TLS, for the Pix PSP's callbacks (DESIGN.md §7): a dedicated HTTP
 * API whose only entry is a custom domain requiring client certificates issued by the CAs in the
 * truststore (a PEM bundle in a versioned, encrypted, TLS-only, private S3 bucket). The default
 * `execute-api` endpoint is disabled, so the certificate check cannot be bypassed.
 *
 * Created by the stateless stack only when the context values `pixWebhookDomain` and
 * `pixWebhookCertificateArn` are given (see lib/context.ts and docs/deploy.md):
 *   cdk deploy --all -c pixWebhookDomain=pix-hooks.example.com \
 *     -c pixWebhookCertificateArn=arn:aws:acm:<region>:<account>:certificate/<id>
 * The truststore object must exist before the domain is created (API Gateway reads it then).
 * Point a DNS CNAME/alias for the domain at the `regionalDomainName` output.
 */
import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface MtlsWebhookApiProps {
  /** The function that handles the webhook. */
  readonly handler: lambda.IFunction;
  /** Route path, e.g. `/webhooks/pix`. */
  readonly path: string;
  readonly method?: apigw.HttpMethod;
  readonly domainName: string;
  readonly certificateArn: string;
  readonly truststoreBucket: s3.IBucket;
  readonly truststoreKey: string;
  readonly truststoreVersion?: string;
}

export class MtlsWebhookApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly domain: apigw.DomainName;
  readonly route: apigw.HttpRoute;

  constructor(scope: Construct, id: string, props: MtlsWebhookApiProps) {
    super(scope, id);
    this.domain = new apigw.DomainName(this, 'Domain', {
      domainName: props.domainName,
      certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      mtls: {
        bucket: props.truststoreBucket,
        key: props.truststoreKey,
        ...(props.truststoreVersion ? { version: props.truststoreVersion } : {}),
      },
    });
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Smart-Agent-Pay Pix webhooks (mutual TLS)',
      createDefaultStage: false,
      disableExecuteApiEndpoint: true,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      domainMapping: { domainName: this.domain },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            clientCertSerial: '$context.identity.clientCert.serialNumber',
            clientCertSubject: '$context.identity.clientCert.subjectDN',
            clientCertIssuer: '$context.identity.clientCert.issuerDN',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.route = new apigw.HttpRoute(this, 'Route', {
      httpApi: this.api,
      routeKey: apigw.HttpRouteKey.with(props.path, props.method ?? apigw.HttpMethod.POST),
      integration: new HttpLambdaIntegration('Integration', props.handler, {
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        timeout: Duration.seconds(10),
      }),
      // The client certificate is the authentication (checked by API Gateway against the
      // truststore); the handler additionally confirms every notification with the PSP.
      authorizer: new apigw.HttpNoneAuthorizer(),
    });
  }
}
