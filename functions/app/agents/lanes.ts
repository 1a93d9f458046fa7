/**
 * Per-key serialization within one process. The agents' consumers do read-modify-write on a few
 * hot records (a merchant's routing state, the risk model) with conditional writes; concurrent
 * invocations sharing a process (the local runtime runs every invocation of a function in one
 * process) would only lose the race to each other and retry. Queueing them per key turns those
 * retries into one read and one write each. On Lambda a container runs one invocation at a time,
 * so this changes nothing there; the conditional writes still guard against other containers.
 */
export class SerialLanes {
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `task` after every task queued before it under `key` has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.#tails.get(key);
    const result = prev ? prev.then(task) : task();
    const tail = result.then(() => undefined, () => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => { if (this.#tails.get(key) === tail) this.#tails.delete(key); });
    return result;
  }

  /** Keys with queued or running tasks (for tests). */
  get busy(): number {
    return this.#tails.size;
  }
}
