/** The API Pix connector's Pix sending against the sandbox PSP (`PUT/GET /pix/envio/{id}`), journal included. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PixApiPsp } from '../../../functions/adapters/pix-api/index.js';
import { start } from '../../../local/sandbox/pix.js';
import { UNREGISTERED_KEY, sandboxPayouts } from '../../support/payouts.js';

const dir = mkdtempSync(join(tmpdir(), 'agentpay-pix-payouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Pix sending through the API Pix connector and the sandbox PSP', () => {
  it('sends once per id (a retried PUT replays), fails a key unknown to the DICT, and a restarted sandbox remembers what it paid', async () => {
    const file = join(dir, 'payouts.jsonl');
    const first = await start({ payoutsFile: file });
    const psp = new PixApiPsp({ baseUrl: first.env.PIX_API_BASE, clientId: first.env.PIX_CLIENT_ID, clientSecret: first.env.PIX_CLIENT_SECRET });
    const sent = await psp.sendPayout({ id: 'poiABC00001', amount: 1234, key: '+5511998765432', description: 'Payout inv-1' });
    expect(sent).toMatchObject({ id: 'poiABC00001', amount: 1234, status: 'completed' });
    expect(sent.endToEndId).toMatch(/^E[0-9a-zA-Z]{31}$/);
    expect(await psp.sendPayout({ id: 'poiABC00001', amount: 1234, key: '+5511998765432' })).toEqual(sent);
    await expect(psp.sendPayout({ id: 'poiABC00001', amount: 999, key: '+5511998765432' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await psp.sendPayout({ id: 'poiABC00002', amount: 10, key: UNREGISTERED_KEY })).toMatchObject({ status: 'failed', failureCode: 'key_not_found' });
    expect(await psp.getPayout('nothere')).toBeUndefined();
    expect(await sandboxPayouts(first.baseUrl)).toMatchObject({ transfers: 1, failed: 1, replays: 1, total_centavos: 1234 });
    psp.close();
    await first.stop();

    const second = await start({ payoutsFile: file });
    const again = new PixApiPsp({ baseUrl: second.env.PIX_API_BASE, clientId: second.env.PIX_CLIENT_ID, clientSecret: second.env.PIX_CLIENT_SECRET });
    expect(await again.getPayout('poiABC00001')).toEqual(sent);
    expect(await again.sendPayout({ id: 'poiABC00001', amount: 1234, key: '+5511998765432' })).toEqual(sent);
    expect(await sandboxPayouts(second.baseUrl)).toMatchObject({ transfers: 1, replays: 1 });
    again.close();
    await second.stop();
  });
});
