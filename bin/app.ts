#!/usr/bin/env node
// CDK entry only: `npx cdk synth` / `npx cdk deploy --all` (cdk.json runs it with tsx).
// cdk-nag v3 runs as a validation plugin: any unacknowledged AwsSolutions finding fails synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildPlatform } from '../lib/app.js';

const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
buildPlatform(app);
app.synth();
