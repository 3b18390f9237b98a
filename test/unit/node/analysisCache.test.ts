import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisCache, contentHash } from '../../../src/core/node/analysisCache';
import { analyzeDocument, ANALYZER_VERSION } from '../../../src/core/recognition/analyzer';
import { packAnalysis } from '../../../src/core/index/packedAnalysis';

const analyzed = (text: string) => packAnalysis(analyzeDocument(text));

describe('analysis cache', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cache-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const text = 'Angela Merkel met Vladimir Putin in Berlin on Monday.';

  it('returns what was stored for the same text and analyzer', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    const analysis = analyzed(text);
    assert.strictEqual(await cache.get(contentHash(text), text), undefined);
    await cache.put(contentHash(text), analysis);
    assert.deepStrictEqual(await cache.get(contentHash(text), text), analysis);
    assert.strictEqual(await cache.get(contentHash(`${text} `), `${text} `), undefined);
  });

  it('misses entries of another analyzer version', async () => {
    await new AnalysisCache(dir, 'old').put(contentHash(text), analyzed(text));
    assert.strictEqual(await new AnalysisCache(dir, 'new').get(contentHash(text), text), undefined);
  });

  /** The one entry file under the cache's folder. */
  const entryFile = (): string => {
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.bin'));
    assert.strictEqual(files.length, 1, files.join(', '));
    return path.join(dir, files[0]);
  };

  it('reports and discards a corrupt, truncated or foreign entry instead of trusting it', async () => {
    const hash = contentHash(text);
    const corruptions: [string, (entry: Buffer) => Buffer][] = [
      ['not valid JSON', entry => Buffer.concat([entry.subarray(0, 8), Buffer.from('{"hash":'.padEnd(entry.readUInt32LE(4), ' ')), entry.subarray(8 + entry.readUInt32LE(4))])],
      ['truncated', entry => entry.subarray(0, entry.length - 4)],
      ['truncated', entry => entry.subarray(0, 12)],
      ['unknown format', () => Buffer.from('{"format":2,"analyzer":"core-4"}')],
      ['unknown format', () => Buffer.alloc(0)],
    ];
    for (const [reason, corrupt] of corruptions) {
      const discarded: string[] = [];
      const cache = new AnalysisCache(dir, ANALYZER_VERSION, (_file, why) => discarded.push(why));
      await cache.put(hash, analyzed(text));
      const file = entryFile();
      fs.writeFileSync(file, corrupt(fs.readFileSync(file)));
      assert.strictEqual(await cache.get(hash, text), undefined, reason);
      assert.deepStrictEqual(discarded, [reason]);
      assert.ok(!fs.existsSync(file), 'the corrupt entry is removed');
    }
  });

  it('discards an entry whose mentions or strings do not fit the text', async () => {
    const hash = contentHash(text);
    const good = analyzed(text);
    const badEnd = { ...good, mentions: good.mentions.map((n, i) => (i === 1 ? text.length + 5 : n)) };
    const badKey = { ...good, mentions: good.mentions.map((n, i) => (i === 3 ? good.keys.length : n)) };
    const badStrings = { ...good, strings: [...good.strings.slice(1), 5] as unknown as string[] };
    for (const [reason, bad] of [['mention out of range', badEnd], ['mention out of range', badKey], ['malformed analysis', badStrings]] as const) {
      const discarded: string[] = [];
      const cache = new AnalysisCache(dir, ANALYZER_VERSION, (_file, why) => discarded.push(why));
      await cache.put(hash, bad);
      assert.strictEqual(await cache.get(hash, text), undefined, reason);
      assert.deepStrictEqual(discarded, [reason]);
    }
  });

  it('stores mentions packed, without their texts', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await cache.put(contentHash(text), analyzed(text));
    const raw = fs.readFileSync(entryFile(), 'utf8');
    assert.ok(raw.includes('Angela Merkel') && !raw.includes('Merkel met'), raw);
  });

  it('leaves no temporary files behind', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await Promise.all(['a', 'b', 'c'].map(t => cache.put(contentHash(t), analyzed(t))));
    const files = fs.readdirSync(dir, { recursive: true }).map(String);
    assert.ok(files.every(f => !f.endsWith('.tmp')), files.join(', '));
    assert.strictEqual(files.filter(f => f.endsWith('.bin')).length, 3);
  });

  it('prunes old entries of texts it is not told to keep, and nothing else', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    const [kept, old, recent] = ['kept text', 'old text', 'recent text'];
    for (const t of [kept, old, recent]) await cache.put(contentHash(t), analyzed(t));
    const monthAgo = new Date(Date.now() - 31 * 86400000);
    for (const t of [kept, old]) {
      const hash = contentHash(t);
      fs.utimesSync(path.join(dir, fs.readdirSync(dir)[0], hash.slice(0, 2), `${hash}.bin`), monthAgo, monthAgo);
    }
    assert.strictEqual(await cache.prune(new Set([contentHash(kept)]), Date.now() - 30 * 86400000), 1);
    assert.strictEqual(await cache.get(contentHash(old), old), undefined);
    assert.deepStrictEqual(await cache.get(contentHash(kept), kept), analyzed(kept));
    assert.deepStrictEqual(await cache.get(contentHash(recent), recent), analyzed(recent));
    assert.strictEqual(await new AnalysisCache(path.join(dir, 'missing'), ANALYZER_VERSION).prune(new Set(), Date.now()), 0);
  });

  it('removes what other formats left in its folder, and nothing of its own', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await cache.put(contentHash(text), analyzed(text));
    fs.mkdirSync(path.join(dir, 'ab'));
    fs.writeFileSync(path.join(dir, 'ab', 'ab12.json'), '{"format":2}');
    fs.mkdirSync(path.join(dir, 'format-1'));
    assert.deepStrictEqual((await cache.removeOtherFormats()).sort(), ['ab', 'format-1']);
    assert.deepStrictEqual(await cache.get(contentHash(text), text), analyzed(text));
    assert.deepStrictEqual(fs.readdirSync(dir).length, 1);
    assert.deepStrictEqual(await new AnalysisCache(path.join(dir, 'missing'), ANALYZER_VERSION).removeOtherFormats(), []);
  });
});
