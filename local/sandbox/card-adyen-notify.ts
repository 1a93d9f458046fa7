/**
 * The Adyen sandbox's standard webhooks (notifications): after a modification (refund, capture,
 * cancel) it POSTs `{ live: "false", notificationItems: [{ NotificationRequestItem }] }` to
 * `<webhook url>`, each item signed as Adyen does (HMAC-SHA256 with the hex-decoded key over
 * `pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success`,
 * base64, in `additionalData.hmacSignature`; computed here independently of the adapter).
 * Like Adyen it retries until the endpoint answers 2xx with `[accepted]` (a few times, backing off).
 * Settings (`POST /__sandbox/notifications`): `delay_ms` before the first delivery, `duplicates`
 * (extra deliveries of each notification, as Adyen's at-least-once delivery may do) and
 * `refund_success` (false: the next refunds are answered `received` but fail by notification).
 */
import { createHmac } from 'node:crypto';
import type { AdyenAmount } from './card-adyen-routes.js';

export interface AdyenNotificationDraft {
  readonly eventCode: string;
  readonly success: boolean;
  readonly pspReference: string;
  readonly originalReference?: string;
  readonly merchantReference?: string;
  readonly amount: AdyenAmount;
  readonly reason?: string;
}

export interface NotifierSettings { delay_ms: number; duplicates: number; refund_success: boolean }

export interface AdyenNotifier {
  readonly settings: NotifierSettings;
  setUrl(url: string): void;
  update(body: unknown): NotifierSettings | string;
  send(draft: AdyenNotificationDraft): void;
  stop(): void;
}

const MAX_ATTEMPTS = 6;

export function signNotification(i: Omit<AdyenNotificationDraft, 'reason'> & { merchantAccountCode: string }, hexKey: string): string {
  const payload = [i.pspReference, i.originalReference ?? '', i.merchantAccountCode, i.merchantReference ?? '', i.amount.value, i.amount.currency, i.eventCode, String(i.success)].join(':');
  return createHmac('sha256', Buffer.from(hexKey, 'hex')).update(payload).digest('base64');
}

export function createNotifier(opts: { hmacKey: string; merchantAccount: string; now: () => Date }): AdyenNotifier {
  const settings: NotifierSettings = { delay_ms: 100, duplicates: 0, refund_success: true };
  const timers = new Set<NodeJS.Timeout>();
  let url: string | undefined;
  let stopped = false;

  const later = (ms: number, run: () => void): void => {
    if (stopped) return;
    const t = setTimeout(() => {
      timers.delete(t);
      run();
    }, ms);
    t.unref();
    timers.add(t);
  };

  function deliver(body: string, attempt: number): void {
    if (!url || stopped) return;
    fetch(new URL('/webhooks/adyen', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (r) => ((await r.text()).trim() === '[accepted]' && r.ok ? undefined : Promise.reject(new Error(`HTTP ${r.status}`))))
      .catch(() => {
        if (attempt + 1 < MAX_ATTEMPTS) later(200 * 2 ** attempt, () => deliver(body, attempt + 1));
      });
  }

  return {
    settings,
    setUrl: (u) => {
      url = u;
    },
    update(body) {
      const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      if (b.delay_ms !== undefined && !(Number.isInteger(b.delay_ms) && (b.delay_ms as number) >= 0)) return 'delay_ms must be a non-negative integer';
      if (b.duplicates !== undefined && !(Number.isInteger(b.duplicates) && (b.duplicates as number) >= 0 && (b.duplicates as number) <= 10)) return 'duplicates must be an integer 0..10';
      if (b.refund_success !== undefined && typeof b.refund_success !== 'boolean') return 'refund_success must be a boolean';
      Object.assign(settings, b.delay_ms === undefined ? {} : { delay_ms: b.delay_ms }, b.duplicates === undefined ? {} : { duplicates: b.duplicates }, b.refund_success === undefined ? {} : { refund_success: b.refund_success });
      return { ...settings };
    },
    send(draft) {
      const item = {
        eventCode: draft.eventCode, success: String(draft.success), pspReference: draft.pspReference,
        ...(draft.originalReference ? { originalReference: draft.originalReference } : {}),
        merchantAccountCode: opts.merchantAccount,
        ...(draft.merchantReference ? { merchantReference: draft.merchantReference } : {}),
        amount: draft.amount, eventDate: opts.now().toISOString(), reason: draft.reason ?? '',
        additionalData: { hmacSignature: signNotification({ ...draft, merchantAccountCode: opts.merchantAccount }, opts.hmacKey) },
      };
      const body = JSON.stringify({ live: 'false', notificationItems: [{ NotificationRequestItem: item }] });
      for (let i = 0; i <= settings.duplicates; i++) later(settings.delay_ms + i * 25, () => deliver(body, 0));
    },
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
