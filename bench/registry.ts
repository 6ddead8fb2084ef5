import * as drafting from './benchmarks/drafting.js';
import * as minutes from './benchmarks/minutes.js';
import * as pdf from './benchmarks/pdf.js';
import * as pull from './benchmarks/pull.js';
import * as register from './benchmarks/register.js';
import * as sync from './benchmarks/sync.js';
import * as viewer from './benchmarks/viewer.js';
import * as workspace from './benchmarks/workspace.js';
import type { Benchmark } from './lib/types.js';

/** Every benchmark `npm run bench -- NAME` can run, in the order they are listed. */
export const BENCHMARKS: readonly Benchmark[] = [
  drafting,
  minutes,
  pdf,
  pull,
  register,
  sync,
  viewer,
  workspace,
];
