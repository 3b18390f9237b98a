// `npm test`: type-check, lint, format check, unit tests, build, in-host tests in a real VS Code, browser UI
// journeys. Every step runs even when an earlier one failed (so one run shows everything), except
// the steps that need the build. Closes with the counts of each suite and the total.
const { spawn } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs `npm run <script>`, echoing its output, and returns { code, output }. */
function npmRun(script) {
  return new Promise(resolve => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = stream => chunk => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('close', code => resolve({ code: code ?? 1, output }));
  });
}

/** Test counts from mocha's spec reporter ("N passing", "N failing"), summed over the suites a step runs. */
function mochaCounts(output) {
  const sum = re => [...output.matchAll(re)].reduce((total, m) => total + Number(m[1]), 0);
  return { passed: sum(/^\s*(\d+) passing/gm), failed: sum(/^\s*(\d+) failing/gm) };
}

const STEPS = [
  { name: 'gazetteer', script: 'gen:gazetteer' },
  { name: 'check-types', script: 'check-types' },
  { name: 'lint', script: 'lint' },
  { name: 'format', script: 'format:check' },
  { name: 'unit', script: 'test:unit', counts: true },
  { name: 'build', script: 'build:dev' },
  { name: 'in-host', script: 'test:integration', counts: true, needsBuild: true },
  { name: 'ui', script: 'test:ui', counts: true, needsBuild: true },
];

async function main() {
  const results = [];
  let built = true;
  for (const step of STEPS) {
    if (step.needsBuild && !built) {
      results.push({ ...step, code: 1, skipped: true });
      continue;
    }
    console.log(`\n=== ${step.name} (npm run ${step.script})`);
    const { code, output } = await npmRun(step.script);
    if (step.script === 'build:dev') built = code === 0;
    const counts = step.counts ? mochaCounts(output) : undefined;
    // A suite that exits non-zero with no failing test (crash, timeout) still counts as a failure.
    if (counts && code !== 0 && counts.failed === 0) counts.failed = 1;
    results.push({ ...step, code, counts });
  }
  console.log('\n=== summary');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const status = r.skipped ? 'not run (build failed)' : r.code === 0 ? 'ok' : `failed (exit ${r.code})`;
    const counts = r.counts ? ` - ${r.counts.passed} passed, ${r.counts.failed} failed` : '';
    console.log(`${r.name.padEnd(12)} ${status}${counts}`);
    if (r.counts) {
      passed += r.counts.passed;
      failed += r.counts.failed;
    } else if (r.code !== 0) failed += 1;
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(results.every(r => r.code === 0) ? 0 : 1);
}

main();
