import * as z from 'zod';
import { listOf } from './common.js';

export const eventSchema = z
  .object({
    id: z.string(),
    object: z.literal('event'),
    type: z.string(),
    created: z.string(),
    data: z.object({ object: z.record(z.string(), z.unknown()) }),
  })
  .meta({ id: 'Event' });

export const eventListSchema = listOf(eventSchema).meta({ id: 'EventList' });
