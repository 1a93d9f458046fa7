/** Compile-time exhaustiveness: a `switch` whose `default` calls this fails to compile when a case is missing. */
export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
