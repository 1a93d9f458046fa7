import { describe, expect, it } from 'vitest';
import { InMemoryAuditTrail } from '../../../functions/adapters/memory/audit-trail.js';
import { command, runAudit } from '../../../local/cli/commands/audit.js';
import type { CliIO } from '../../../local/cli/io.js';

function capture(files: Record<string, string> = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) { io.out += t; },
    stderr(t: string) { io.err += t; },
    async readFile(path: string) {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
      return text;
    },
  };
  return io;
}

const d = (action: string) => ({ at: '2026-11-22T10:00:00.000Z', actor: 'saga', action, data: { action } });

async function seeded(): Promise<InMemoryAuditTrail> {
  const trail = new InMemoryAuditTrail();
  await trail.append('pay_a', [d('payment.created'), d('risk.assessed'), d('payment.succeeded')]);
  await trail.append('pay_b', [d('payment.created')]);
  await trail.append('mer_1', [d('merchant.created'), d('key.rotated')]);
  return trail;
}

describe('agentpay audit verify', () => {
  it('is registered as a CLI command with a usage line', () => {
    expect(command.usage).toContain('agentpay audit verify');
    expect(command.summary.length).toBeGreaterThan(0);
  });

  it('reports every stream verified with exit 0', async () => {
    const io = capture();
    expect(await runAudit(['verify'], io, { reader: await seeded() })).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ verified: true, streams: 3, entries: 6, broken: [] });
  });

  it('verifies one payment with --payment', async () => {
    const io = capture();
    expect(await runAudit(['verify', '--payment', 'pay_a'], io, { reader: await seeded() })).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ verified: true, streams: 1, entries: 3, broken: [] });
  });

  it('exits 1 and names the stream, seq and reason of each tampered chain', async () => {
    const trail = await seeded();
    trail.tamper('pay_a', (es) => es.map((e) => (e.seq === 2 ? { ...e, data: { action: 'risk.approved' } } : e)));
    trail.tamper('mer_1', (es) => es.filter((e) => e.seq !== 1));
    const io = capture();
    expect(await runAudit(['verify'], io, { reader: trail })).toBe(1);
    expect(JSON.parse(io.out)).toEqual({
      verified: false,
      streams: 3,
      entries: 5,
      broken: [
        { stream: 'mer_1', broken_at: 1, reason: 'sequence_gap' },
        { stream: 'pay_a', broken_at: 2, reason: 'hash_mismatch' },
      ],
    });
  });

  it('exits 1 with not_found for a payment without audit entries', async () => {
    const io = capture();
    expect(await runAudit(['verify', '--payment', 'pay_nothing'], io, { reader: await seeded() })).toBe(1);
    expect(JSON.parse(io.err).error.code).toBe('not_found');
    expect(io.out).toBe('');
  });

  it('exits 2 for a bad subcommand, option, argument or payment id', async () => {
    for (const argv of [[], ['check'], ['verify', '--stream', 'x'], ['verify', 'pay_a'], ['verify', '--payment', 're_1'], ['verify', '--payment']]) {
      const io = capture();
      expect(await runAudit(argv, io, { reader: await seeded() })).toBe(2);
      expect(JSON.parse(io.err).error.code).toBe('invalid_request');
    }
  });

  it('exits 1 with not_configured when neither AUDIT_TABLE nor .data/runtime.json is there', async () => {
    const io = capture();
    expect(await runAudit(['verify'], io, { env: {} })).toBe(1);
    const { error } = JSON.parse(io.err);
    expect(error.code).toBe('not_configured');
    expect(error.message).toMatch(/AUDIT_TABLE.*npm start/);
  });

  it('exits 1 with internal_error when the store fails, instead of claiming anything verified', async () => {
    const io = capture();
    const failing = { list: async () => { throw new Error('boom'); }, listStreams: async () => ['pay_a'] };
    expect(await runAudit(['verify'], io, { reader: failing })).toBe(1);
    expect(JSON.parse(io.err).error.code).toBe('internal_error');
    expect(io.out).toBe('');
  });
});
