export { startDynamoLocal, emulatorDir, LOCAL_CREDENTIALS, LOCAL_REGION, type DynamoLocal, type DynamoLocalOptions } from './launcher.js';
export { createTables, type TableNames } from './tables.js';
export { findJava, JavaMissingError } from './java.js';
