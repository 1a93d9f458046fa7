/** A lazily built, process-wide value (SDK clients, adapters): built on first use, then reused. */
export const once = <T>(make: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= make());
};
