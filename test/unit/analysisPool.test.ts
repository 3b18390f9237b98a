import * as assert from 'assert';
import * as path from 'path';
import { AnalysisPool, Superseded } from '../../src/core/node/analysisPool';

const WORKER = path.join(__dirname, 'fixtures', 'flakyWorker.js');

describe('analysis pool', () => {
  let pool: AnalysisPool;
  let logged: string[];
  beforeEach(() => {
    logged = [];
    pool = new AnalysisPool(WORKER, 1, m => logged.push(m));
  });
  afterEach(() => pool.dispose());

  it('analyses in a worker thread, started by the first job', async () => {
    assert.strictEqual(pool.workers, 0);
    assert.strictEqual((await pool.analyze('a', 'hello')).tokens, 5);
    assert.strictEqual(pool.workers, 1);
  });

  it('fails only the job whose analysis throws', async () => {
    await assert.rejects(pool.analyze('a', 'throw'), /analysis exploded/);
    assert.strictEqual((await pool.analyze('b', 'fine')).tokens, 4);
  });

  it('replaces a worker that dies, failing only its job', async () => {
    const dead = pool.analyze('a', 'die');
    const next = pool.analyze('b', 'after');
    await assert.rejects(dead, /worker stopped: exit code 3/);
    assert.strictEqual((await next).tokens, 5);
    assert.ok(
      logged.some(m => m.includes('starting a new one')),
      logged.join('\n'),
    );
  });

  it('supersedes a queued job for the same document with the newer text', async () => {
    const running = pool.analyze('a', 'slow first');
    const posted = pool.analyze('c', 'slow next');
    const stale = pool.analyze('b', 'old text');
    const fresh = pool.analyze('b', 'new text!');
    await assert.rejects(stale, (e: unknown) => e instanceof Superseded);
    assert.strictEqual((await fresh).tokens, 9);
    assert.strictEqual((await running).tokens, 10);
    assert.strictEqual((await posted).tokens, 9);
  });

  it('posts a worker its next job while it runs one, so a newer text no longer replaces it', async () => {
    const running = pool.analyze('a', 'slow first');
    const posted = pool.analyze('b', 'old text');
    const newer = pool.analyze('b', 'new text!');
    assert.strictEqual((await posted).tokens, 8);
    assert.strictEqual((await newer).tokens, 9);
    assert.strictEqual((await running).tokens, 10);
  });

  it('queues again the jobs a dead worker had not started, unless a newer text is queued', async () => {
    const dead = pool.analyze('a', 'die');
    const stale = pool.analyze('b', 'old text');
    const fresh = pool.analyze('b', 'new text!');
    await assert.rejects(dead, /worker stopped: exit code 3/);
    await assert.rejects(stale, (e: unknown) => e instanceof Superseded);
    assert.strictEqual((await fresh).tokens, 9);
  });
});
