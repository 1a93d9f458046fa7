/**
 * StartSyncExecution carries the endpoint trait `hostPrefix: "sync-"`, so the SDK sends it to
 * `sync-<endpoint host>` (on AWS `sync-states.<region>.amazonaws.com`). A loopback endpoint has no
 * such DNS name; rather than making handlers set `disableHostPrefix` in local mode only (different
 * code per mode), the local runtime answers that one lookup: `sync-127.0.0.1` / `sync-localhost`
 * resolve to the loopback address. Every other name goes to the real resolver untouched.
 */
import dns from 'node:dns';

const PREFIXED_LOOPBACK = /^sync-(127\.0\.0\.1|localhost)$/;
let installed = false;

export function installSyncHostPrefixResolver(): void {
  if (installed) return;
  installed = true;
  const original = dns.lookup;
  const patched = function lookup(this: unknown, hostname: string, ...rest: unknown[]): unknown {
    const host = PREFIXED_LOOPBACK.test(hostname) ? hostname.slice('sync-'.length) : hostname;
    return (original as (...a: unknown[]) => unknown).call(this, host, ...rest);
  };
  (dns as { lookup: unknown }).lookup = patched;
}
