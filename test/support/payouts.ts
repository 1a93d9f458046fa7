/** Helpers for payout tests: merchants, batch requests, polling a batch, the sandbox PSP's count. */
import { randomUUID } from 'node:crypto';

export const VALID_KEYS = ['+5511998765432', 'pagamentos@example.com', '12345678909', '11222333000181'] as const;
/** Well formed, but the test DICT knows nobody by it (functions/adapters/memory/pix-payouts.ts). */
export const UNREGISTERED_KEY = '00000000-0000-0000-0000-000000000001';

export interface BatchItem { reference: string; amount: number; currency: string; destination: { type: 'pix_key'; key: string } }

/** `n` valid items (EVP keys, unique references), amounts 100..(100+n-1) centavos. */
export function validItems(n: number, prefix = 'r'): BatchItem[] {
  return Array.from({ length: n }, (_, i) => ({ reference: `${prefix}-${i}`, amount: 100 + i, currency: 'brl', destination: { type: 'pix_key', key: randomUUID() } }));
}

export async function createMerchant(url: string, adminKey: string): Promise<{ id: string; secret_key: string }> {
  const res = await fetch(`${url}/v1/admin/merchants`, { method: 'POST', headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Payout shop' }) });
  if (res.status !== 201) throw new Error(`merchant: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; secret_key: string };
}

export interface BatchView { id: string; status: string; counts: { total: number; succeeded: number; failed: number; canceled: number; pending: number } }

export function api(url: string, key: string) {
  const headers = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json', ...extra });
  return {
    post: (path: string, body: unknown, idem?: string) => fetch(`${url}${path}`, { method: 'POST', headers: headers(idem ? { 'idempotency-key': idem } : {}), body: JSON.stringify(body) }),
    get: (path: string) => fetch(`${url}${path}`, { headers: headers() }),
    async batch(id: string): Promise<BatchView> {
      const r = await fetch(`${url}/v1/payouts/batches/${id}`, { headers: headers() });
      return (await r.json()) as BatchView;
    },
    /** Polls until the batch reaches one of `statuses`. */
    async until(id: string, statuses: readonly string[], timeoutMs = 30_000): Promise<BatchView> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const b = await this.batch(id);
        if (statuses.includes(b.status)) return b;
        if (Date.now() > deadline) throw new Error(`batch ${id} is ${b.status} ${JSON.stringify(b.counts)} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** What the sandbox PSP actually paid (`GET /__sandbox/payouts`). */
export async function sandboxPayouts(pixApiBase: string): Promise<{ transfers: number; failed: number; replays: number; total_centavos: number }> {
  const r = await fetch(`${pixApiBase}/__sandbox/payouts`);
  return (await r.json()) as { transfers: number; failed: number; replays: number; total_centavos: number };
}
