/** `npm run openapi`: writes the OpenAPI 3.1 document generated from the contracts to docs/openapi.json. */
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '../functions/contracts/openapi.js';

export const OPENAPI_FILE = 'docs/openapi.json';
export const renderOpenApi = (): string => `${JSON.stringify(buildOpenApi(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_FILE, renderOpenApi());
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}
