export { startLocalHttp, type LocalHttp, type LocalHttpOptions, type HttpRoute } from './server.js';
export { apiEventV2, authorizerEventV2, type ApiEventV2 } from './api-event.js';
export { compileRoutes } from './router.js';
