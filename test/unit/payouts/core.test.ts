import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertControlAllowed, csvField, finalStatus, maskKey, parsePayoutItemId, payoutItemId, pspPayoutId, renderReport, tally, validatePayoutItems, type PayoutItem, type PayoutItemInput } from '../../../functions/core/payouts/index.js';

const item = (over: Partial<PayoutItemInput> = {}, key = '+5511998765432'): PayoutItemInput => ({ reference: 'r1', amount: 100, currency: 'brl', destination: { type: 'pix_key', key }, ...over });

describe('payout item validation (core)', () => {
  it('accepts every DICT key type and names the key type', () => {
    const keys = ['+5511998765432', 'a@b.com', '12345678909', '11222333000181', '123e4567-e89b-12d3-a456-426614174000'];
    expect(validatePayoutItems(keys.map((k, i) => item({ reference: `r${i}` }, k)))).toEqual(['phone', 'email', 'cpf', 'cnpj', 'evp'].map((keyType) => ({ ok: true, keyType })));
  });

  it('fails only the bad items, each with its reason, and never echoes the key', () => {
    const secretKey = '12345678900';
    const v = validatePayoutItems([item(), item({ reference: 'r2', amount: -1 }), item({ reference: 'r3', amount: 1.5 }), item({ reference: 'r4', currency: 'usd' }), item({ reference: 'r1' }), item({ reference: 'r6' }, secretKey), item({ reference: 'r7' })]);
    expect(v.map((x) => (x.ok ? 'ok' : x.failure.code))).toEqual(['ok', 'invalid_amount', 'invalid_amount', 'invalid_currency', 'duplicate_reference', 'invalid_pix_key', 'ok']);
    const keyFailure = v[5]!;
    expect(keyFailure.ok === false && keyFailure.failure.message).toMatch(/CPF/);
    expect(JSON.stringify(v)).not.toContain(secretKey);
  });

  it('property: the verdicts are one per item, and an item is judged by its own fields and earlier references only', () => {
    fc.assert(fc.property(fc.array(fc.record({ reference: fc.constantFrom('a', 'b', 'c', 'd'), amount: fc.integer({ min: -5, max: 5 }) }), { maxLength: 30 }), (xs) => {
      const items = xs.map((x) => item(x));
      const v = validatePayoutItems(items);
      expect(v).toHaveLength(items.length);
      const seen = new Set<string>();
      v.forEach((r, i) => {
        const dup = seen.has(items[i]!.reference);
        seen.add(items[i]!.reference);
        expect(r.ok).toBe(!dup && items[i]!.amount > 0);
      });
    }));
  });
});

describe('payout batch rules (core)', () => {
  it('item ids carry their batch and position and map to a 1–35 alphanumeric PSP id', () => {
    const id = payoutItemId('pob_AbC123xyz', 42);
    expect(parsePayoutItemId(id)).toEqual({ batchId: 'pob_AbC123xyz', seq: 42 });
    expect(pspPayoutId(id)).toMatch(/^[a-zA-Z0-9]{1,35}$/);
    expect(pspPayoutId(payoutItemId('pob_AbC123xyzAbC123xyzAbC1', 4999))).toMatch(/^[a-zA-Z0-9]{1,35}$/);
  });

  it('controls are allowed only from their statuses (409 invalid_state otherwise)', () => {
    expect(() => assertControlAllowed({ status: 'running' }, 'pause')).not.toThrow();
    expect(() => assertControlAllowed({ status: 'completed' }, 'cancel')).toThrow(/Cannot cancel/);
    expect(() => assertControlAllowed({ status: 'running' }, 'resume')).toThrow(expect.objectContaining({ code: 'invalid_state' }));
  });

  it('final status is completed_with_errors as soon as one item failed; tally counts open items apart', () => {
    expect(finalStatus({ failed: 0 })).toBe('completed');
    expect(finalStatus({ failed: 1 })).toBe('completed_with_errors');
    expect(tally([{ status: 'paid' }, { status: 'failed' }, { status: 'processing' }, { status: 'pending' }, { status: 'canceled' }])).toEqual({ succeeded: 1, failed: 1, canceled: 1, open: 2 });
  });

  it('the CSV report quotes per RFC 4180, neutralises formulas and masks keys', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
    expect(maskKey('+5511998765432')).toBe('********5432');
    const row: PayoutItem = { id: 'poi_x_00000', batchId: 'pob_x', merchantId: 'mer_1', seq: 0, reference: 'r,1', amount: 100, currency: 'brl', keyMasked: '****5432', status: 'failed', failure: { code: 'invalid_amount', message: 'bad' }, updated: 't' };
    expect(renderReport([row])).toBe('item_id,reference,amount,currency,key_type,key_masked,status,failure_code,failure_message,end_to_end_id,paid_at\r\npoi_x_00000,"r,1",100,brl,,****5432,failed,invalid_amount,bad,,\r\n');
  });
});
