/**
 * Stream consumer: publishes outbox records to EventBridge (at least once; consumers dedupe by the
 * event id). Failed entries are reported as batchItemFailures so only they are retried.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { publishOutbox } from '../../app/publish-outbox.js';
import { eventPublisher } from '../root.js';

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => publishOutbox(event.Records, eventPublisher());
