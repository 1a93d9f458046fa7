/**
 * The Adyen adapter's `paymentState` source in local mode: reads the sandbox's notification-derived
 * payment state (`GET /__sandbox/payments/{pspReference}`). On AWS the same option reads the store
 * kept by the Adyen webhook handler.
 */
import type { AdyenPaymentState } from '../../functions/adapters/adyen/transformers.js';

export function adyenSandboxPaymentState(baseUrl: string): (pspReference: string) => Promise<AdyenPaymentState | undefined> {
  return async (pspReference) => {
    const res = await fetch(new URL(`/__sandbox/payments/${encodeURIComponent(pspReference)}`, baseUrl));
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`adyen sandbox: HTTP ${res.status}`);
    return (await res.json()) as AdyenPaymentState;
  };
}
