#!/usr/bin/env node
// Stands in for the VS Code executable so that @vscode/test-electron's runTests (and test-cli's
// useInstallation.fromPath) run unchanged: it takes the Electron-style arguments, starts
// code-server, opens the workbench in headless Chromium with the extension and the test suite,
// relays the extension host's console, and exits with the suite's exit code.
const fs = require('fs');
const path = require('path');
const util = require('util');
const codeServer = require('./codeServer');
const browser = require('./browser');
const cfg = require('./config');
const { runDir } = require('./workspace');

// The offline workbench logs its failed marketplace and sign-in lookups; they say nothing about the suite.
const WORKBENCH_NOISE =
  /ECONNREFUSED|127\.0\.0\.1:9\/|authentication provider|AccountPolicyGate|AgentHost|^\s+at |Service Worker|Creating a socket/;

function parseArgs(argv) {
  const a = { dev: undefined, tests: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined, trust: true };
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      a.folder = arg;
      continue;
    }
    if (m[1] === 'extensionDevelopmentPath') a.dev = m[2];
    else if (m[1] === 'extensionTestsPath') a.tests = m[2];
    else if (m[1] === 'user-data-dir') a.userDataDir = m[2];
    else if (m[1] === 'extensions-dir') a.extensionsDir = m[2];
    else if (m[1] === 'folder-uri') a.folder = decodeURIComponent(m[2].replace(/^file:\/\//, ''));
    else if (m[1] === 'disable-workspace-trust') a.trust = false;
    // Electron-only flags (--disable-extensions, --no-sandbox, ...) mean nothing to the server.
  }
  return a;
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  if (!a.tests || !a.dev) {
    console.error('shim: need --extensionTestsPath and --extensionDevelopmentPath');
    return 2;
  }
  const stateDir = runDir('state-integration');
  // obeyFileModes: the suite checks that an unreadable file is skipped, which root could read.
  const server = await codeServer.start(stateDir, {
    userDataDir: a.userDataDir,
    extensionsDir: a.extensionsDir,
    obeyFileModes: true,
    trust: a.trust,
  });
  const { page, close } = await browser.launch();
  try {
    let exit;
    const exited = new Promise(r => (exit = r));
    // VS Code's smoke-test driver hooks: the extension host's console, then the suite's exit code.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(args || []));
      if (!WORKBENCH_NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', code => exit(code));
    await page.goto(
      codeServer.workbenchUrl(server.url, a.folder || a.dev, { extensionDevelopmentPath: a.dev, extensionTestsPath: a.tests }),
    );
    const timeoutMs = Number(process.env.CORPUS_LENS_TEST_TIMEOUT_MS || 600000);
    const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('timeout'), timeoutMs))]);
    if (code === 'timeout') {
      fs.mkdirSync(cfg.OUT, { recursive: true });
      await page.screenshot({ path: path.join(cfg.OUT, 'integration-timeout.png') }).catch(() => {});
      console.error(`shim: the in-host suite did not finish within ${timeoutMs} ms`);
      return 124;
    }
    return code;
  } finally {
    await close();
    await server.stop();
  }
}

main().then(
  code => process.exit(code),
  e => {
    console.error(e);
    process.exit(1);
  },
);
