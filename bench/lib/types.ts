/** What a benchmark hands the harness: a table of figures and the one machine-readable result line. */
export interface BenchReport {
  /** Column headings of the figures table; the first column names the row (what was measured). */
  columns: string[];
  rows: Array<Array<string | number>>;
  /** The key=value pairs of the final `RESULT name …` line, in this order; ratios against the peer included. */
  result: Record<string, string | number>;
}

export interface Benchmark {
  name: string;
  /** One line, shown in the list of benchmarks. */
  description: string;
  run(): Promise<BenchReport>;
}
