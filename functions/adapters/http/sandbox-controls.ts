/**
 * The sandboxes' own control endpoints (test environments only; API.md "Sandbox"): the card
 * acquirers' `<base>/__sandbox/control` and the Pix PSP's `<base>/__sandbox/pay`. Their answers are
 * passed through, status included, so a refused control (409 charge expired…) reaches the caller.
 */
export interface SandboxAnswer {
  readonly status: number;
  readonly body: unknown;
}

async function call(url: string, method: 'GET' | 'POST', body?: unknown): Promise<SandboxAnswer> {
  const res = await fetch(url, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: passed through as text
  }
  return { status: res.status, body: parsed };
}

export class SandboxControls {
  /** @param cardBases processor id → base URL of its sandbox; @param pixBase the Pix sandbox PSP */
  constructor(private readonly cardBases: Readonly<Record<string, string>>, private readonly pixBase: string | undefined) {}

  processorIds(): string[] {
    return Object.keys(this.cardBases);
  }

  async getProcessor(id: string): Promise<SandboxAnswer | undefined> {
    const base = this.cardBases[id];
    return base === undefined ? undefined : call(`${base}/__sandbox/control`, 'GET');
  }

  async setProcessor(id: string, control: unknown): Promise<SandboxAnswer | undefined> {
    const base = this.cardBases[id];
    return base === undefined ? undefined : call(`${base}/__sandbox/control`, 'POST', control);
  }

  async payPix(body: unknown): Promise<SandboxAnswer | undefined> {
    return this.pixBase === undefined ? undefined : call(`${this.pixBase}/__sandbox/pay`, 'POST', body);
  }
}
