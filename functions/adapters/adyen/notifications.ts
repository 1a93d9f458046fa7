/**
 * Adyen standard webhooks (notifications): the JSON body Adyen POSTs
 * (https://docs.adyen.com/development-resources/webhooks/webhook-types#standard-webhooks) and the
 * HMAC signature of each item (https://docs.adyen.com/development-resources/webhooks/verify-hmac-signatures):
 * HMAC-SHA256 keyed with the hex-decoded key over
 * `pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success`
 * (absent fields as empty strings), base64, in `additionalData.hmacSignature`.
 * Pure apart from node:crypto; the handler verifies every item before anything is handled.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import type { AdyenNotice } from '../../app/adyen-notifications.js';
import { fromAdyenAmount } from './transformers.js';

const itemSchema = z.object({
  eventCode: z.string().min(1),
  // Adyen sends "true"/"false" strings; a boolean is accepted and signed as its string.
  success: z.union([z.enum(['true', 'false']), z.boolean()]).transform((s) => String(s) as 'true' | 'false'),
  pspReference: z.string().min(1),
  originalReference: z.string().optional(),
  merchantAccountCode: z.string(),
  merchantReference: z.string().optional(),
  amount: z.object({ value: z.number().int(), currency: z.string().regex(/^[A-Za-z]{3}$/) }),
  reason: z.string().optional(),
  eventDate: z.string().optional(),
  additionalData: z.record(z.string(), z.unknown()).optional(),
});

const bodySchema = z.object({
  live: z.union([z.enum(['true', 'false']), z.boolean()]).optional(),
  notificationItems: z.array(z.object({ NotificationRequestItem: itemSchema })).min(1),
});

export type NotificationItem = z.output<typeof itemSchema>;
export type SignedFields = Pick<NotificationItem, 'pspReference' | 'originalReference' | 'merchantAccountCode' | 'merchantReference' | 'amount' | 'eventCode' | 'success'>;

/** The items of a notification body, or undefined when it is not one. */
export function parseNotification(body: unknown): NotificationItem[] | undefined {
  const r = bodySchema.safeParse(body);
  return r.success ? r.data.notificationItems.map((i) => i.NotificationRequestItem) : undefined;
}

/** The string Adyen signs for an item. */
export function signingPayload(i: SignedFields): string {
  return [i.pspReference, i.originalReference ?? '', i.merchantAccountCode, i.merchantReference ?? '', String(i.amount.value), i.amount.currency, i.eventCode, i.success].join(':');
}

/** The item's HMAC (base64) under a hex key. */
export function signItem(i: SignedFields, hexKey: string): string {
  return createHmac('sha256', Buffer.from(hexKey, 'hex')).update(signingPayload(i), 'utf8').digest('base64');
}

/** True when the item carries the HMAC of its own fields under `hexKey` (constant-time compare). */
export function verifyItem(i: NotificationItem, hexKey: string): boolean {
  const given = i.additionalData?.['hmacSignature'];
  if (typeof given !== 'string' || given.length === 0 || !/^[0-9a-fA-F]+$/.test(hexKey) || hexKey.length % 2 !== 0) return false;
  const expected = Buffer.from(signItem(i, hexKey), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** An item in our terms (ISO minor units, lower-case currency) for the use case. */
export function toNotice(i: NotificationItem): AdyenNotice {
  return {
    eventCode: i.eventCode,
    success: i.success === 'true',
    pspReference: i.pspReference,
    ...(i.originalReference ? { originalReference: i.originalReference } : {}),
    ...(i.merchantReference ? { merchantReference: i.merchantReference } : {}),
    amount: fromAdyenAmount({ value: i.amount.value, currency: i.amount.currency.toUpperCase() }),
    currency: i.amount.currency.toLowerCase(),
    ...(i.reason ? { reason: i.reason } : {}),
  };
}
