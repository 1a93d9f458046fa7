/**
 * `POST /webhooks/adyen`: Adyen standard webhooks. Every item's HMAC is verified first (an invalid
 * one is 401 and nothing is handled); then each item is handled once and stored, and only then we
 * answer `[accepted]` (200), the body Adyen expects. Our own failures answer 5xx, so Adyen retries.
 */
import { claimer } from '../../adapters/dynamodb/claims.js';
import { parseNotification, toNotice, verifyItem } from '../../adapters/adyen/notifications.js';
import { handleAdyenNotifications } from '../../app/adyen-notifications.js';
import { AppError } from '../../core/errors.js';
import { httpApi } from '../http/api.js';
import { log } from '../log.js';
import { once } from '../once.js';
import { cfg, clock, db, ledger, paymentStore } from '../root.js';

const claim = once(() => claimer(db(), cfg().tables.platform, 'adyen-notification'));

export const handler = httpApi({
  'POST /webhooks/adyen': async (req) => {
    const key = cfg().ADYEN_HMAC_KEY;
    if (!key) throw new AppError('service_unavailable', 'Adyen webhooks are not configured');
    const items = parseNotification(req.body);
    if (!items) throw new AppError('invalid_request', 'Not an Adyen notification body');
    if (!items.every((i) => verifyItem(i, key))) {
      log.warn('adyen notification rejected: invalid HMAC', { requestId: req.requestId, items: items.length });
      throw new AppError('authentication_required', 'Invalid HMAC signature', { param: 'hmacSignature' });
    }
    const results = await handleAdyenNotifications(items.map(toNotice), { payments: paymentStore(), ledger: ledger(), clock, claim: claim() });
    for (const r of results) {
      const level = r.outcome === 'unknown_refund' || r.outcome === 'amount_mismatch' || r.outcome === 'refund_reversed' ? 'warn' : 'info';
      log[level]('adyen notification', { requestId: req.requestId, item: r.key, event_code: r.eventCode, outcome: r.outcome, refund_id: r.refund_id ?? null });
    }
    return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: '[accepted]' };
  },
});
