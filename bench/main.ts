// `npm run bench` lists the benchmarks; `npm run bench -- NAME` runs one and ends with its RESULT line.
import { formatResultLine, formatTable } from './lib/report.js';
import { BENCHMARKS } from './registry.js';

function printList(): void {
  const width = Math.max(...BENCHMARKS.map((b) => b.name.length));
  console.log('Benchmarks (npm run bench -- NAME):');
  for (const b of BENCHMARKS) console.log(`  ${b.name.padEnd(width)}  ${b.description}`);
}

const [name, ...extra] = process.argv.slice(2);
if (!name) {
  printList();
} else {
  const benchmark = BENCHMARKS.find((b) => b.name === name);
  if (!benchmark || extra.length > 0) {
    console.error(benchmark ? `Unexpected arguments: ${extra.join(' ')}` : `Unknown benchmark: ${name}`);
    printList();
    process.exit(2);
  }
  console.log(`bench ${benchmark.name}: ${benchmark.description}\n`);
  const report = await benchmark.run();
  console.log(`\n${formatTable(report.columns, report.rows)}\n`);
  console.log(formatResultLine(benchmark.name, report.result));
  // Servers or worker pools a benchmark left behind must not keep the process alive.
  process.exit(0);
}
