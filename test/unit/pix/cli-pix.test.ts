/** `agentpay pix decode|static` (API.md "Command line"), run in-process with a capturing io. */
import { describe, expect, it } from 'vitest';
import { command } from '../../../local/cli/commands/pix.js';
import type { CliIO } from '../../../local/cli/io.js';
import { decodeBrCode } from '../../../functions/core/pix/index.js';
import vectors from './sample-vectors.json' with { type: 'json' };

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) };
  const code = await command.run(argv, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout), error: () => JSON.parse(stderr).error };
}

const V_1D3D = vectors.valid.find((v) => v.id === 'V_1D3D')!.payload;

describe('agentpay pix decode', () => {
  it('prints the API.md decode response and exits 0', async () => {
    const r = await run('decode', V_1D3D);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.json()).toEqual(decodeBrCode(V_1D3D));
    expect(r.json()).toMatchObject({ kind: 'static', fields: { key: '123e4567-e12b-12d1-a456-426655440000', merchant_name: 'Fulano de Tal' }, warnings: [] });
  });

  it('rebuilds a payload the shell split at its spaces (unquoted "Fulano de Tal")', async () => {
    const r = await run('decode', ...V_1D3D.split(' '));
    expect(r.code).toBe(0);
    expect(r.json().fields.crc).toBe('1D3D');
  });

  it('exits 2 with invalid_brcode naming the field for a bad CRC', async () => {
    const bad = vectors.invalid.find((v) => v.id === 'X_325E')!.payload;
    const r = await run('decode', bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.error()).toMatchObject({ code: 'invalid_brcode', field: '63' });
    expect(r.error().message).toContain('CRC');
  });

  it('exits 2 with invalid_request when the payload is missing', async () => {
    const r = await run('decode');
    expect(r.code).toBe(2);
    expect(r.error()).toMatchObject({ code: 'invalid_request', param: 'payload' });
  });
});

describe('agentpay pix static', () => {
  it('prints { payload } that decodes back to the given key, amount in centavos, name, city and txid', async () => {
    const r = await run('static', '--key', '12345678909', '--amount', '1050', '--name', 'Loja do João', '--city', 'São Paulo', '--txid', 'PEDIDO42', '--description', 'Pedido 42');
    expect(r.code).toBe(0);
    const { payload } = r.json();
    expect(Object.keys(r.json())).toEqual(['payload']);
    expect(decodeBrCode(payload).fields).toMatchObject({
      key: '12345678909', amount: 1050, amount_text: '10.50', merchant_name: 'LOJA DO JOAO', merchant_city: 'SAO PAULO', txid: 'PEDIDO42', additional_info: 'Pedido 42',
    });
  });

  it('accepts --flag=value and omits the amount when not given', async () => {
    const r = await run('static', '--key=fulano@example.com', '--name=FULANO', '--city=RECIFE');
    expect(r.code).toBe(0);
    expect(decodeBrCode(r.json().payload).fields.amount).toBeUndefined();
  });

  it.each([
    ['a masked CPF', '123.456.789-09', 'cpf'],
    ['a CPF with wrong check digits', '12345678900', 'cpf'],
    ['an upper-case e-mail', 'Fulano@Example.com', 'email'],
    ['a phone without +55', '5511998765432', 'phone'],
  ])('exits 2 with invalid_request naming the expected key type for %s', async (_l, key, type) => {
    const r = await run('static', '--key', key, '--name', 'X', '--city', 'Y');
    expect(r.code).toBe(2);
    expect(r.error()).toMatchObject({ code: 'invalid_request', param: 'key', expected_type: type });
    expect(r.error().message).toContain(type.toUpperCase());
  });

  it.each([
    [['--amount', '10.50'], 'amount'],
    [['--amount', '0'], 'amount'],
    [['--txid', 'my_txid'], 'txid'],
    [['--name', 'A'.repeat(26)], 'name'],
    [['--city', 'RIO GRANDE DO NORTE'], 'city'],
    [['--bogus', '1'], 'bogus'],
  ])('exits 2 with invalid_request for %j naming %s', async (extra, param) => {
    const args = { '--key': '12345678909', '--name': 'X', '--city': 'Y' } as Record<string, string>;
    for (let i = 0; i < extra.length; i += 2) args[extra[i]!] = extra[i + 1]!;
    const r = await run('static', ...Object.entries(args).flat());
    expect(r.code).toBe(2);
    expect(r.error()).toMatchObject({ code: 'invalid_request', param });
  });

  it('exits 2 when a required flag is missing', async () => {
    const r = await run('static', '--key', '12345678909', '--name', 'X');
    expect(r.code).toBe(2);
    expect(r.error()).toMatchObject({ code: 'invalid_request', param: 'city' });
  });
});

describe('agentpay pix', () => {
  it('exits 2 with the usage for a missing or unknown subcommand', async () => {
    for (const argv of [[], ['encode']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.error()).toMatchObject({ code: 'invalid_request' });
      expect(r.error().usage).toContain('agentpay pix decode');
    }
    expect(command.summary.length).toBeGreaterThan(0);
  });
});
