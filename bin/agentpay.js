#!/usr/bin/env node
// The `agentpay` CLI (API.md "Command line"). TypeScript sources run through tsx's loader, so
// the CLI needs no build step; `npx agentpay --help` lists the commands.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
await import('../local/polyfills.ts');
const { main, processIO } = await import(fileURLToPath(new URL('../local/cli/main.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2), processIO);
