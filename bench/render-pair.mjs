// How far two processes scale on this machine when they have nothing to do but render: the bare
// render loop alone, then two at once, then alone again; the ratio is what two got together over
// the mean of the two lone runs. It is the ceiling for two certificate workers against one.
//
//   npm run build && node bench/render-pair.mjs [--renders 600] [--tries 3]
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { arg, machine } from './support.mjs';

const RENDERS = arg('renders', 600);
const TRIES = arg('tries', 3);
const run = promisify(execFile);

/** Renders per second of one fresh process rendering `RENDERS` certificates after a warm-up. */
async function loop() {
  const script = fileURLToPath(new URL('./render-heap.mjs', import.meta.url));
  const { stdout } = await run(process.execPath, [
    script,
    '--case',
    'alone',
    '--renders',
    String(RENDERS),
  ]);
  return 1000 / JSON.parse(stdout).wallMs;
}

console.log(`${machine()}; ${RENDERS} renders a loop`);
for (let i = 0; i < TRIES; i += 1) {
  const before = await loop();
  const [a, b] = await Promise.all([loop(), loop()]);
  const after = await loop();
  console.log(
    `alone ${before.toFixed(0)}/s, two at once ${a.toFixed(0)} + ${b.toFixed(0)}/s, alone ${after.toFixed(0)}/s: ` +
      `${((a + b) / ((before + after) / 2)).toFixed(2)} × one`,
  );
}
