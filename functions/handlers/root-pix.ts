/**
 * The Pix part of the composition root: the API Pix connector (PSP from `PIX_*` config), the Pix
 * store and the QR renderer, assembled into the deps of the Pix use cases. Kept apart from
 * root-payments.ts so Pix functions never bundle the card processors.
 */
import { DynamoDbPixStore } from '../adapters/dynamodb/pix-store.js';
import { PixApiPsp } from '../adapters/pix-api/index.js';
import { qrcodeRenderer } from '../adapters/qr/qrcode.js';
import type { PixDeps } from '../app/pix/deps.js';
import type { PixPsp } from '../app/ports/pix-psp.js';
import type { PixStore } from '../app/ports/pix-store.js';
import { AppError } from '../core/errors.js';
import { pixAgentAdmission } from '../app/pix/agent-gate.js';
import { cfg, clock, db, ledger, merchantStore, once, paymentStore, vault } from './root.js';
import { agentStore, budgets } from './root-mandates.js';

export const pixPsp = once((): PixPsp => {
  const c = cfg();
  if (!c.PIX_API_BASE || !c.PIX_CLIENT_ID || !c.PIX_CLIENT_SECRET) throw new AppError('service_unavailable', 'Pix is not configured (PIX_API_BASE, PIX_CLIENT_ID, PIX_CLIENT_SECRET)');
  return new PixApiPsp({
    baseUrl: c.PIX_API_BASE, clientId: c.PIX_CLIENT_ID, clientSecret: c.PIX_CLIENT_SECRET,
    ...(c.PIX_CERT_FILE ? { certFile: c.PIX_CERT_FILE } : {}), ...(c.PIX_KEY_FILE ? { keyFile: c.PIX_KEY_FILE } : {}),
  });
});

export const pixStore = once((): PixStore => new DynamoDbPixStore(db(), cfg().tables.platform));

export const pixDeps = once((): PixDeps => {
  const receiverKey = cfg().PIX_RECEIVER_KEY;
  if (!receiverKey) throw new AppError('service_unavailable', 'Pix is not configured (PIX_RECEIVER_KEY)');
  const c = cfg();
  const sealing = c.LOCAL_KEY_FILE || c.KMS_KEY_ID ? { vault: vault() } : {};
  const agentBudget = { admit: pixAgentAdmission({ agents: agentStore(), merchants: merchantStore() }), budgets: budgets() };
  return { payments: paymentStore(), pix: pixStore(), psp: pixPsp(), ledger: ledger(), clock, qr: qrcodeRenderer, receiverKey, agentBudget, ...sealing };
});
