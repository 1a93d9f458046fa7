/** Creates the demo merchant through the public operator endpoint, exactly as an operator would. */
export async function createDemoMerchant(url: string, adminKey: string): Promise<{ id: string; secret_key: string }> {
  const res = await fetch(`${url}/v1/admin/merchants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json', 'idempotency-key': `demo-merchant-${Date.now()}` },
    body: JSON.stringify({ name: 'Demo merchant' }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /v1/admin/merchants answered ${res.status}: ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { id?: unknown; secret_key?: unknown };
  if (typeof body.id !== 'string' || typeof body.secret_key !== 'string') throw new Error('POST /v1/admin/merchants: no id/secret_key in the answer');
  return { id: body.id, secret_key: body.secret_key };
}
