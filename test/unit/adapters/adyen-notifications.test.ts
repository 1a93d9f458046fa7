import { describe, expect, it } from 'vitest';
import { parseNotification, signingPayload, signItem, toNotice, verifyItem, type NotificationItem } from '../../../functions/adapters/adyen/notifications.js';

// Known vector, computed independently of the code under test:
// printf '%s' '<payload>' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<KEY> -binary | base64
const KEY = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056';
const SIGNED_TRUE = 'XBJ9t1rMzgr/+XAfFmAbrfOdmmwUuXq6sAOdapI5D3k=';
const SIGNED_FALSE = '8tu0cRbIZrVpE3FEJ9OLraIbhQtjQSCsK7t4IyTbZbY=';

const raw = (over: Record<string, unknown> = {}) => ({
  eventCode: 'REFUND', success: 'true', pspReference: '7914073381342284', originalReference: '8813073381342213',
  merchantAccountCode: 'SmartAgentPaySandboxECOM', merchantReference: 're_TestRefund42', amount: { value: 990, currency: 'BRL' },
  reason: '', eventDate: '2026-11-22T12:00:00Z', additionalData: { hmacSignature: SIGNED_TRUE }, ...over,
});
const body = (...items: Record<string, unknown>[]) => ({ live: 'false', notificationItems: items.map((NotificationRequestItem) => ({ NotificationRequestItem })) });
const one = (over: Record<string, unknown> = {}): NotificationItem => parseNotification(body(raw(over)))![0]!;

describe('adyen notification HMAC', () => {
  it('signs Adyen’s documented payload with the hex-decoded key (known vector)', () => {
    const item = one();
    expect(signingPayload(item)).toBe('7914073381342284:8813073381342213:SmartAgentPaySandboxECOM:re_TestRefund42:990:BRL:REFUND:true');
    expect(signItem(item, KEY)).toBe(SIGNED_TRUE);
    expect(signItem(one({ success: 'false' }), KEY)).toBe(SIGNED_FALSE);
    expect(signItem(item, KEY.toLowerCase())).toBe(SIGNED_TRUE);
  });

  it('accepts the genuine item and rejects any tampered signed field, another key or a missing signature', () => {
    expect(verifyItem(one(), KEY)).toBe(true);
    expect(verifyItem(one({ success: 'false', additionalData: { hmacSignature: SIGNED_FALSE } }), KEY)).toBe(true);
    const tampered: Record<string, unknown>[] = [
      { amount: { value: 99_000, currency: 'BRL' } }, { amount: { value: 990, currency: 'USD' } }, { success: 'false' }, { eventCode: 'REFUND_FAILED' },
      { pspReference: '7914073381342285' }, { originalReference: '8813073381342214' }, { merchantReference: 're_Other' }, { merchantAccountCode: 'Other' },
    ];
    for (const t of tampered) expect(verifyItem(one(t), KEY), JSON.stringify(t)).toBe(false);
    expect(verifyItem(one(), KEY.replace(/^4/, '5'))).toBe(false);
    expect(verifyItem(one({ additionalData: {} }), KEY)).toBe(false);
    expect(verifyItem(one({ additionalData: { hmacSignature: SIGNED_TRUE.slice(0, -2) } }), KEY)).toBe(false);
    expect(verifyItem(one(), 'not-hex')).toBe(false);
  });

  it('signs absent references as empty fields', () => {
    const item = one({ originalReference: undefined, merchantReference: undefined });
    expect(signingPayload(item)).toBe('7914073381342284::SmartAgentPaySandboxECOM::990:BRL:REFUND:true');
  });
});

describe('adyen notification parsing', () => {
  it('reads every item of the standard body and maps it to our terms (ISO minor units, lower-case currency)', () => {
    const items = parseNotification(body(raw(), raw({ eventCode: 'CAPTURE', pspReference: 'X', amount: { value: 150_000, currency: 'CLP' } })))!;
    expect(items).toHaveLength(2);
    expect(toNotice(items[0]!)).toEqual({ eventCode: 'REFUND', success: true, pspReference: '7914073381342284', originalReference: '8813073381342213', merchantReference: 're_TestRefund42', amount: 990, currency: 'brl' });
    // CLP has 2 decimals at Adyen and 0 in ISO 4217.
    expect(toNotice(items[1]!)).toMatchObject({ eventCode: 'CAPTURE', amount: 1_500, currency: 'clp' });
    expect(toNotice(one({ success: false, reason: 'declined' }))).toMatchObject({ success: false, reason: 'declined' });
  });

  it('refuses what is not a notification body', () => {
    expect(parseNotification({})).toBeUndefined();
    expect(parseNotification({ notificationItems: [] })).toBeUndefined();
    expect(parseNotification(body(raw({ amount: { value: 9.9, currency: 'BRL' } })))).toBeUndefined();
    expect(parseNotification(body(raw({ success: 'yes' })))).toBeUndefined();
  });
});
