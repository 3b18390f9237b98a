import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisCache, contentHash } from '../../../src/core/node/analysisCache';
import { analyzeDocument, ANALYZER_VERSION } from '../../../src/core/recognition/analyzer';
import { packAnalysis, unpackAnalysis } from '../../../src/core/index/packedAnalysis';
import { surfaceForm } from '../../../src/core/text/nameForms';
import { ENTITY_TYPES } from '../../../src/core/types';

const analyzed = (text: string) => packAnalysis(analyzeDocument(text));

describe('analysis cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cache-'));
  });
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
    const files = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter(f => f.endsWith('.bin'));
    assert.strictEqual(files.length, 1, files.join(', '));
    return path.join(dir, files[0]);
  };

  it('reports and discards a corrupt, truncated or foreign entry instead of trusting it', async () => {
    const hash = contentHash(text);
    const corruptions: [string, (entry: Buffer) => Buffer][] = [
      [
        'not valid JSON',
        entry =>
          Buffer.concat([
            entry.subarray(0, 8),
            Buffer.from('{"hash":'.padEnd(entry.readUInt32LE(4), ' ')),
            entry.subarray(8 + entry.readUInt32LE(4)),
          ]),
      ],
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
    for (const [reason, bad] of [
      ['mention out of range', badEnd],
      ['mention out of range', badKey],
      ['malformed analysis', badStrings],
    ] as const) {
      const discarded: string[] = [];
      const cache = new AnalysisCache(dir, ANALYZER_VERSION, (_file, why) => discarded.push(why));
      await cache.put(hash, bad);
      assert.strictEqual(await cache.get(hash, text), undefined, reason);
      assert.deepStrictEqual(discarded, [reason]);
    }
  });

  it('discards an entry whose sentences, keys, names or values do not fit the text', async () => {
    const hash = contentHash(text);
    const good = analyzed(text);
    const swapped = Int32Array.from(good.mentions);
    [swapped[3], swapped[9]] = [swapped[9], swapped[3]]; // Angela Merkel's key on Vladimir Putin: both PERSON, but the name shows
    swapped.set([swapped[6] + 1, swapped[7] + 1], 6); // and the second span shifted by one
    const cases: [string, typeof good][] = [
      ['sentence out of range', { ...good, sentences: Int32Array.from([0, text.length + 1]) }],
      ['sentence out of range', { ...good, sentences: Int32Array.from([10, 20, 5, 30]) }],
      ['malformed key', { ...good, keys: good.keys.map((k, i) => (i === 0 ? 'PERSONS:x' : k)) }],
      ['mention of another type than its key', { ...good, keys: good.keys.map((k, i) => (i === 0 ? `ORG:${k.split(':')[1]}` : k)) }],
      ['mention names that do not fit the text', { ...good, mentions: swapped }],
      ['malformed value', { ...good, values: [[99, 'x']] }],
      ['malformed analysis', { ...good, tokens: -1 }],
    ];
    for (const [reason, bad] of cases) {
      const discarded: string[] = [];
      const cache = new AnalysisCache(dir, ANALYZER_VERSION, (_file, why) => discarded.push(why));
      await cache.put(hash, bad);
      assert.strictEqual(await cache.get(hash, text), undefined, reason);
      assert.deepStrictEqual(discarded, [reason]);
    }
  });

  it('accepts no randomly damaged entry that breaks an invariant, and never throws', async function () {
    this.timeout(120_000);
    const article = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'seeds', '000_a4262604377c852d.txt'), 'utf8');
    const hash = contentHash(article);
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await cache.put(hash, analyzed(article));
    const file = entryFile();
    const entry = fs.readFileSync(file);
    let seed = 16;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let accepted = 0;
    for (let round = 0; round < 2000; round++) {
      const damaged = Buffer.from(entry);
      for (let k = 1 + random(3); k > 0; k--) damaged[random(damaged.length)] = random(256);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, damaged);
      const packed = await cache.get(hash, article);
      if (!packed) continue;
      accepted++;
      const where = `round ${round}`;
      const analysis = unpackAnalysis(packed, article);
      let previousEnd = 0;
      for (const s of analysis.sentences) {
        assert.ok(s.start >= previousEnd && s.end >= s.start && s.end <= article.length, `${where}: sentence ${s.start}-${s.end}`);
        previousEnd = s.end;
      }
      previousEnd = 0;
      for (const [i, m] of analysis.mentions.entries()) {
        assert.ok(m.start >= previousEnd && m.end > m.start && m.end <= article.length, `${where}: mention ${m.start}-${m.end}`);
        assert.ok(
          ENTITY_TYPES.includes(m.type) && m.entityKey.startsWith(`${m.type}:`) && m.name.trim(),
          `${where}: ${m.entityKey} ${m.name}`,
        );
        assert.strictEqual(packed.strings[packed.mentions[i * 6 + 5]], surfaceForm(m.text), where);
        previousEnd = m.end;
      }
    }
    assert.ok(accepted > 0 && accepted < 2000, `${accepted} accepted: some damage is harmless (a name), most is not`);
  });

  it('stores mentions packed, without their texts', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await cache.put(contentHash(text), analyzed(text));
    const raw = fs.readFileSync(entryFile(), 'utf8');
    assert.ok(raw.includes('Angela Merkel') && !raw.includes('Merkel met'), raw);
  });

  it('leaves no temporary files behind, after failed writes too', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await Promise.all(['a', 'b', 'c'].map(t => cache.put(contentHash(t), analyzed(t))));
    // A write that fails after its temporary file exists: the target is a folder, so the rename fails.
    const hash = contentHash('d');
    fs.mkdirSync(path.join(dir, 'format-3', hash.slice(0, 2), `${hash}.bin`), { recursive: true });
    await assert.rejects(cache.put(hash, analyzed('d')));
    const files = fs.readdirSync(dir, { recursive: true }).map(String);
    assert.ok(
      files.every(f => !f.endsWith('.tmp')),
      files.join(', '),
    );
    assert.strictEqual(files.filter(f => f.endsWith('.bin')).length, 4);
  });

  it('prunes the temporary files a crashed write left', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await cache.put(contentHash(text), analyzed(text));
    const shard = path.dirname(entryFile());
    const [crashed, writing] = ['x.bin.1.a.tmp', 'y.bin.2.b.tmp'].map(name => path.join(shard, name));
    fs.writeFileSync(crashed, '');
    fs.writeFileSync(writing, '');
    const hourAgo = new Date(Date.now() - 3600000);
    fs.utimesSync(crashed, hourAgo, hourAgo);
    assert.strictEqual(await cache.prune(new Set([contentHash(text)]), 0), 1);
    assert.deepStrictEqual(
      fs.readdirSync(shard).sort(),
      [path.basename(entryFile()), path.basename(writing)].sort(),
      'a write under way is left alone',
    );
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
