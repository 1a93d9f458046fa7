import { describe, expect, it } from 'vitest';
import { main } from '../../../local/cli/main.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }, out, err };
}

describe('agentpay CLI dispatcher', () => {
  it('lists every available command with --help and exits 0', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    for (const name of ['pix decode', 'simulate', 'risk backtest', 'audit verify', 'events test-pattern']) expect(c.out.join('')).toContain(name);
  });

  it('answers an unknown command with exit 2 and a JSON error on stderr', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(JSON.parse(c.err.join(''))).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('decodes a BR Code through the pix subcommand and rejects a corrupted one with exit 2', async () => {
    const good = '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';
    const ok = capture();
    expect(await main(['pix', 'decode', good], ok.io)).toBe(0);
    expect(JSON.parse(ok.out.join('')).kind).toBe('static');
    const bad = capture();
    expect(await main(['pix', 'decode', good.replace('Fulano', 'Fulana')], bad.io)).toBe(2);
    expect(JSON.parse(bad.err.join('')).error.code).toBe('invalid_brcode');
  });
});
