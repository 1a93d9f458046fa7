/**
 * `agentpay events test-pattern` (local/cli/commands/events.ts), driven through `command.run`
 * with an io that captures stdout and stderr.
 */
import { describe, expect, it } from 'vitest';
import { command } from '../../../local/cli/commands/events.js';
import type { CliIO } from '../../../local/cli/io.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await command.run(argv, io);
  return { code, stdout, stderr };
}

const event = JSON.stringify({ source: 'agentpay.payments', detail: { amount: 1999, currency: 'BRL' } });

describe('agentpay events test-pattern', () => {
  it('prints {"result": true} and exits 0 when the pattern matches', async () => {
    const out = await run(['test-pattern', '--pattern', '{"detail":{"amount":[{"numeric":[">",1000]}]}}', '--event', event]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ result: true });
    expect(out.stderr).toBe('');
  });

  it('prints {"result": false} and exits 0 when it does not', async () => {
    const out = await run(['test-pattern', '--pattern={"detail":{"currency":["USD"]}}', `--event=${event}`]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ result: false });
  });

  it('rejects an invalid pattern with exit 2 and invalid_pattern naming the path', async () => {
    const out = await run(['test-pattern', '--pattern', '{"detail":{"amount":[{"numeric":[">","x"]}]}}', '--event', event]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    const { error } = JSON.parse(out.stderr) as { error: { code: string; message: string; path: string } };
    expect(error.code).toBe('invalid_pattern');
    expect(error.path).toBe('detail.amount[0].numeric[1]');
    expect(error.message).toMatch(/must be a number/);
  });

  it('rejects a pattern that is not JSON with exit 2 and invalid_pattern', async () => {
    const out = await run(['test-pattern', '--pattern', '{source:', '--event', event]);
    expect(out.code).toBe(2);
    const { error } = JSON.parse(out.stderr) as { error: { code: string; message: string; path: string } };
    expect(error).toMatchObject({ code: 'invalid_pattern', path: '' });
    expect(error.message).toMatch(/--pattern is not valid JSON/);
  });

  it('rejects an event that is not JSON with exit 2, naming --event', async () => {
    const out = await run(['test-pattern', '--pattern', '{"source":["x"]}', '--event', 'nope']);
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stderr).error.message).toMatch(/--event is not valid JSON/);
  });

  it('rejects the empty pattern {} as EventBridge does', async () => {
    const out = await run(['test-pattern', '--pattern', '{}', '--event', event]);
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stderr).error).toMatchObject({ code: 'invalid_pattern', path: '' });
  });

  it('exits 2 when --event is missing or an unknown flag is given', async () => {
    const missing = await run(['test-pattern', '--pattern', '{"source":["x"]}']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr).error.code).toBe('invalid_request');
    const unknown = await run(['test-pattern', '--pattern', '{"source":["x"]}', '--event', event, '--verbose']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stderr).error.message).toMatch(/--verbose/);
  });

  it('exits 2 on a missing or unknown subcommand', async () => {
    expect((await run([])).code).toBe(2);
    const out = await run(['list']);
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stderr).error.message).toMatch(/unknown subcommand list/);
  });

  it('exposes a one-line summary and a usage line', () => {
    expect(command.summary).not.toMatch(/\n/);
    expect(command.usage).toContain('events test-pattern --pattern');
  });
});
