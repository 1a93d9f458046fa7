import { buildOpenApi } from '../../contracts/openapi.js';
import { httpApi } from '../http/api.js';
import { json } from '../http/respond.js';

let openApi: string | undefined;

export const handler = httpApi({
  'GET /health': async () => json(200, { status: 'ok' }),
  'GET /v1/openapi.json': async () => {
    openApi ??= JSON.stringify(buildOpenApi());
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: openApi };
  },
});
