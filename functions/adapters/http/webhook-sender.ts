import type { WebhookSender } from '../../app/ports/webhooks.js';

/** POSTs a delivery with a hard timeout; any network failure becomes data, never an exception. */
export class FetchWebhookSender implements WebhookSender {
  constructor(private readonly timeoutMs = 10_000) {}

  async post(url: string, headers: Record<string, string>, body: string): Promise<{ status?: number; error?: string }> {
    try {
      const r = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      await r.body?.cancel().catch(() => undefined);
      return { status: r.status };
    } catch (err) {
      return { error: err instanceof Error ? err.name : 'network_error' };
    }
  }
}
