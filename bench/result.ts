/** What every benchmark's `run()` returns, so a runner can print the lines and collect the metrics. */
export type BenchResult = {
  /** Short name, e.g. "brcode". */
  name: string;
  /** Human-readable report, one line per entry. */
  lines: string[];
  /** Machine-readable numbers (snake_case keys, units in the name, e.g. `decode_ops_per_s_ours`). */
  metrics: Record<string, number>;
};
