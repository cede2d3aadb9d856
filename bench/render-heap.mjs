// What the worker's heap does to a render: the product's renderer run in a process of its own,
// in a process that has loaded the worker's modules (Nest, TypeORM, BullMQ, pg), and in such a
// process with allocation-site pretenuring off, as the worker runs
// (docs/decisions/0005-worker-no-pretenuring.md).
//
//   npm run build && node bench/render-heap.mjs [--renders 500] [--rounds 3]
//
// Each case runs in a fresh process (50 renders of warm-up, then `renders` timed); the cases take
// turns, `rounds` times, and the medians are printed. CPU is the process's (all threads); garbage
// collection is the time V8 reports for its pauses on the main thread. bench/render-pair.mjs runs
// the first case as its render loop.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { arg, BENCH_CERTIFICATE, machine, median } from './support.mjs';

const CASES = {
  alone: { modules: false, pretenuring: true },
  'worker modules': { modules: true, pretenuring: true },
  'worker modules, no pretenuring': { modules: true, pretenuring: false },
};
const RENDERS = arg('renders', 500);
const ROUNDS = arg('rounds', 3);

async function child(name) {
  const { modules, pretenuring } = CASES[name];
  if (!pretenuring) setFlagsFromString('--no-allocation-site-pretenuring');
  const require = createRequire(import.meta.url);
  if (modules) require('../dist/apps/worker/src/worker.module.js');
  const { PerformanceObserver } = await import('node:perf_hooks');
  const {
    loadCertificateFonts,
    renderCertificatePdf,
  } = require('../dist/libs/certificates/src/render/certificate-pdf.js');
  const fonts = loadCertificateFonts();
  for (let i = 0; i < 50; i += 1) await renderCertificatePdf(BENCH_CERTIFICATE, fonts);
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < RENDERS; i += 1) await renderCertificatePdf(BENCH_CERTIFICATE, fonts);
  const wallMs = (performance.now() - started) / RENDERS;
  const used = process.cpuUsage(cpu);
  // The observer reports on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  process.stdout.write(
    JSON.stringify({
      cpuMs: (used.user + used.system) / 1000 / RENDERS,
      wallMs,
      gcMs: gcMs / RENDERS,
      heapMb,
    }),
  );
}

const caseIndex = process.argv.indexOf('--case');
if (caseIndex !== -1) {
  await child(process.argv[caseIndex + 1]);
} else {
  const results = Object.fromEntries(Object.keys(CASES).map((name) => [name, []]));
  const script = fileURLToPath(import.meta.url);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of Object.keys(CASES)) {
      const output = execFileSync(
        process.execPath,
        [script, '--case', name, '--renders', String(RENDERS)],
        { encoding: 'utf8' },
      );
      results[name].push(JSON.parse(output));
    }
  }
  console.log(`${machine()}; ${RENDERS} renders a case, ${ROUNDS} rounds, medians:`);
  for (const [name, runs] of Object.entries(results)) {
    const m = (key) => median(runs.map((r) => r[key]));
    console.log(
      `${name.padEnd(32)} ${m('cpuMs').toFixed(2)} ms CPU a render, of which GC ${m('gcMs').toFixed(2)} ms; heap ${m('heapMb').toFixed(0)} MB`,
    );
  }
}
