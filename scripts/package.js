// `npm run package`: builds the .vsix with vsce (its prepublish step runs the production build),
// then opens the archive and fails if it ships anything but the bundle, media/, the schemas and the docs.
const { execFileSync } = require('child_process');
const path = require('path');
const yauzl = require('yauzl');

const ROOT = path.resolve(__dirname, '..');
const { version, name } = require('../package.json');

const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/license(\.txt)?$/i,
  /^extension\/dist\/[\w.-]+\.js$/,
  /^extension\/dist\/[\w.-]+\.css$/, // uPlot's stylesheet, copied by esbuild.js
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/media\/.+/,
];

function entries(vsix) {
  return new Promise((resolve, reject) => {
    yauzl.open(vsix, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', e => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function packageVsix(out = path.join(ROOT, `${name}-${version}.vsix`)) {
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out];
  execFileSync(vsce, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const names = await entries(out);
  const stray = names.filter(n => !n.endsWith('/') && !ALLOWED.some(re => re.test(n)));
  if (stray.length) throw new Error(`the .vsix ships files .vscodeignore should exclude:\n  ${stray.join('\n  ')}`);
  if (!names.includes('extension/dist/extension.js')) throw new Error('the .vsix lacks dist/extension.js');
  return { file: out, names };
}

if (require.main === module) {
  packageVsix(process.argv[2] && path.resolve(process.argv[2])).then(
    ({ file, names }) => {
      console.log(`${path.relative(process.cwd(), file)}: ${names.length} entries, all allowed`);
    },
    e => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
module.exports = { packageVsix };
