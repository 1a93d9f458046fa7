/** Starts a sandbox PSP and an API Pix connector pointed at it, plus helpers for its controls. */
import { PixApiPsp, type PixApiPspOptions } from '../../../functions/adapters/pix-api/index.js';
import { start, type PixSandbox, type PixSandboxOptions } from '../../../local/sandbox/pix.js';
import type { PixPspHarness } from '../../contract/pix-psp.contract.js';

export async function control<T = Record<string, unknown>>(sandbox: PixSandbox, path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${sandbox.baseUrl}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`sandbox control ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

export function connector(sandbox: PixSandbox, extra: Partial<PixApiPspOptions> = {}): PixApiPsp {
  return new PixApiPsp({
    baseUrl: sandbox.env.PIX_API_BASE,
    clientId: sandbox.env.PIX_CLIENT_ID,
    clientSecret: sandbox.env.PIX_CLIENT_SECRET,
    timeoutMs: 5000,
    ...extra,
  });
}

export async function sandboxHarness(opts: PixSandboxOptions = {}): Promise<PixPspHarness & { sandbox: PixSandbox; api: PixApiPsp }> {
  const sandbox = await start({ refundDelayMs: 20, ...opts });
  const api = connector(sandbox);
  return {
    sandbox,
    api,
    psp: api,
    receiverKey: sandbox.env.PIX_RECEIVER_KEY,
    pay: async (txid) => (await control<{ endToEndId: string }>(sandbox, 'pay', { txid })).endToEndId,
    expire: async (txid) => {
      await control(sandbox, 'expire', { txid });
    },
    backdate: async (endToEndId, days) => {
      await control(sandbox, 'backdate', { endToEndId, days });
    },
    approveRecurrence: async (idRec) => {
      await control(sandbox, 'rec/approve', { idRec });
    },
    stop: async () => {
      api.close();
      await sandbox.stop();
    },
  };
}
