export { startAwsEndpoint, type AwsEndpoint, type AwsEndpointOptions } from './server.js';
export { stepFunctionsApi } from './stepfunctions-api.js';
export { eventsApi } from './events-api.js';
export { schedulerApi } from './scheduler-api.js';
export { installSyncHostPrefixResolver } from './sync-host-prefix.js';
export { AwsApiError } from './api-error.js';
