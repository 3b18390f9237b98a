// Debian's Chromium driven by playwright-core (no browser download), with a fresh profile that is
// removed on close.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const cfg = require('./config');

async function launch() {
  fs.mkdirSync(cfg.TMP, { recursive: true });
  const profile = fs.mkdtempSync(path.join(cfg.TMP, 'chromium-'));
  const home = path.join(profile, 'home');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: cfg.CHROMIUM,
    headless: true,
    // Chromium's crash database and caches go under HOME/XDG folders: keep them in the profile.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    viewport: { width: 1600, height: 1000 },
    // Without the background-networking flags Chromium keeps dialling hosts this machine cannot reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--disable-breakpad',
      '--disable-crash-reporter',
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

module.exports = { launch };
