// What jpeg.tsx publishes as window.__jpeg, without DOM types, for the Node-side spec to share.

export interface Difference {
  /** Mean absolute difference per channel, over every pixel (0–255). */
  mean: number;
  /** The share of channel values more than 16 apart. */
  over16: number;
}

export interface Comparison {
  width: number;
  height: number;
  /** Mean RGB of the rows [0, bandRows) as each decoder gives them. */
  band: { native: number[]; pdfjs: number[]; applied: number[] };
  nativeVsPdfjs: Difference;
  appliedVsPdfjs: Difference;
  /** One decode each, for the record (not asserted: timings are for benchmarks). */
  ms: { native: number; pdfjs: number };
}

export interface JpegHarness {
  compare(base64: string, bandRows: number): Promise<Comparison>;
  unsupported(type: string): Promise<boolean>;
}
