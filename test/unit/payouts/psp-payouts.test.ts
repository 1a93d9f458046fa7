import { describe, expect, it } from 'vitest';
import { InMemoryPixPayouts } from '../../../functions/adapters/memory/pix-payouts.js';
import { fromEnvio, toEnvioSolicitado } from '../../../functions/adapters/pix-api/transformers-payout.js';
import { PixPspError } from '../../../functions/app/ports/pix-psp.js';

describe('Pix sending: transformer and in-memory fake', () => {
  it('the request carries the amount as API Pix "valor" and the key as favorecido.chave; bad ids and amounts are refused before any call', () => {
    expect(toEnvioSolicitado({ id: 'poiAB12', amount: 1050, key: '+5511998765432' })).toEqual({ valor: '10.50', favorecido: { chave: '+5511998765432' } });
    expect(() => toEnvioSolicitado({ id: 'poi_AB', amount: 1, key: 'k' })).toThrow(PixPspError);
    expect(() => toEnvioSolicitado({ id: 'ok', amount: 0, key: 'k' })).toThrow(/valor/);
  });

  it('maps every PSP status, including a key the DICT does not know, and refuses an unknown status', () => {
    const base = { idEnvio: 'p1', valor: '1.00', horario: { solicitacao: '2026-01-01T00:00:00Z' } };
    expect(fromEnvio({ ...base, status: 'REALIZADO', e2eId: 'E1' })).toMatchObject({ status: 'completed', amount: 100, endToEndId: 'E1' });
    expect(fromEnvio({ ...base, status: 'EM_PROCESSAMENTO' }).status).toBe('processing');
    expect(fromEnvio({ ...base, status: 'NAO_REALIZADO', motivo: 'CHAVE_NAO_ENCONTRADA' })).toMatchObject({ status: 'failed', failureCode: 'key_not_found' });
    expect(() => fromEnvio({ ...base, status: 'WHAT' })).toThrow(/unknown payout status/);
  });

  it('the fake is idempotent on the payout id: a replay returns the same transfer and moves no money again; a different body is a conflict', async () => {
    const psp = new InMemoryPixPayouts();
    const a = await psp.sendPayout({ id: 'p1', amount: 500, key: '+5511998765432' });
    const b = await psp.sendPayout({ id: 'p1', amount: 500, key: '+5511998765432' });
    expect(b).toEqual(a);
    expect(psp.transfers.get('p1')).toBe(1);
    await expect(psp.sendPayout({ id: 'p1', amount: 501, key: '+5511998765432' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await psp.getPayout('p1')).toEqual(a);
    expect(await psp.getPayout('nope')).toBeUndefined();
  });
});
