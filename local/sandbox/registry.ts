/**
 * Sandbox processors (Stripe-, Adyen-compatible servers, the Pix PSP …) plug into the local
 * runtime here. A sandbox module calls `registerSandbox` when imported; the runtime imports every
 * `local/sandbox/<name>/index.ts`, starts each registered sandbox and merges the `env` it returns
 * (e.g. `STRIPE_API_BASE`) into the process environment BEFORE any handler module is imported.
 */
export interface SandboxContext {
  /** The runtime's data directory (state a sandbox wants to keep across restarts). */
  readonly dataDir: string;
  readonly inMemory: boolean;
  readonly log: (line: string) => void;
}

export interface StartedSandbox {
  readonly env: Record<string, string>;
  stop(): Promise<void> | void;
  /** Called once the runtime's HTTP API listens (e.g. to point the sandbox's webhooks at it). */
  ready?(runtime: { readonly url: string }): Promise<void>;
}

export interface SandboxDef {
  readonly name: string;
  start(ctx: SandboxContext): Promise<StartedSandbox>;
}

const sandboxes = new Map<string, SandboxDef>();

/** Registers (or replaces, by name) a sandbox the runtime will start. */
export function registerSandbox(def: SandboxDef): void {
  sandboxes.set(def.name, def);
}

export function registeredSandboxes(): readonly SandboxDef[] {
  return [...sandboxes.values()];
}
