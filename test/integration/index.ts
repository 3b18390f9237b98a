// Entry point VS Code loads in the extension host (--extensionTestsPath): runs every bundled
// *.test.js beside it with mocha and prints a closing line the CI parser understands.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.CORPUS_LENS_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs
    .readdirSync(__dirname)
    .filter(f => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
      console.log(`integration: ${passes} passed, ${failed} failed`);
      if (failures > 0) reject(new Error(`${failures} in-host tests failed`));
      else resolve();
    });
  });
}
