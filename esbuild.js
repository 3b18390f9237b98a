// Bundles the extension host code, the CLI, the analysis worker, the webview script and the
// in-host test suites. `--production` minifies; otherwise source maps are written. `--watch` rebuilds.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node18' };

/** In-host test files of `suite` (a folder of test/), each bundled on its own so mocha can add them one by one. */
function integrationTests(suite) {
  const dir = path.join(__dirname, 'test', suite);
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.ts'))
    .map(f => ({ in: path.join(dir, f), out: path.basename(f, '.ts') }));
}

const inHost = { ...node, external: ['vscode', 'mocha'], minify: false, sourcemap: true };

const builds = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/worker/analysisWorker.ts'], outfile: 'dist/worker.js' },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The Entity Explorer's browser code (loaded by the webview under a strict CSP).
  { ...common, platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' },
  { ...inHost, entryPoints: integrationTests('integration'), outdir: 'out/integration' },
  // The Restricted Mode suite (trust on), run by the same entry point as the suite above.
  {
    ...inHost,
    entryPoints: [{ in: 'test/integration/index.ts', out: 'index' }, ...integrationTests('integration-untrusted')],
    outdir: 'out/integration-untrusted',
  },
];

/** The gazetteer is generated from data packages at build time (see scripts/gen-gazetteer.js). */
function generateGazetteer() {
  const out = path.join(__dirname, 'src', 'core', 'data', 'gazetteer.generated.json');
  const script = path.join(__dirname, 'scripts', 'gen-gazetteer.js');
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= fs.statSync(script).mtimeMs) return;
  require('child_process').execFileSync(process.execPath, [script], { stdio: 'inherit' });
}

/** The webview's third-party stylesheets, linked as files (its CSP allows no inline styles). */
function copyStyles() {
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  fs.copyFileSync(require.resolve('uplot/dist/uPlot.min.css'), path.join(__dirname, 'dist', 'uPlot.min.css'));
}

async function main() {
  generateGazetteer();
  copyStyles();
  const first = b => [b.entryPoints].flat()[0];
  const contexts = await Promise.all(builds.filter(b => fs.existsSync(first(b)?.in ?? first(b) ?? '')).map(b => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
    console.log('[esbuild] watching...');
    return;
  }
  await Promise.all(contexts.map(c => c.rebuild()));
  await Promise.all(contexts.map(c => c.dispose()));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
