import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisCache, contentHash } from '../../src/core/analysisCache';
import { analyzeDocument, ANALYZER_VERSION } from '../../src/core/analyzer';
import { packAnalysis, unpackAnalysis } from '../../src/core/packedAnalysis';

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

  it('reports and discards a corrupt entry instead of trusting it', async () => {
    const discarded: string[] = [];
    const cache = new AnalysisCache(dir, ANALYZER_VERSION, (_file, reason) => discarded.push(reason));
    const hash = contentHash(text);
    await cache.put(hash, analyzed(text));
    const file = path.join(dir, hash.slice(0, 2), `${hash}.json`);
    fs.writeFileSync(file, '{"format":1,"hash":"');
    assert.strictEqual(await cache.get(hash, text), undefined);
    assert.deepStrictEqual(discarded, ['not valid JSON']);
    assert.ok(!fs.existsSync(file), 'the corrupt entry is removed');
  });

  it('discards an entry whose mentions do not fit the text', async () => {
    const discarded: string[] = [];
    const cache = new AnalysisCache(dir, ANALYZER_VERSION, (_file, reason) => discarded.push(reason));
    const hash = contentHash(text);
    await cache.put(hash, analyzed(text));
    const file = path.join(dir, hash.slice(0, 2), `${hash}.json`);
    const entry = JSON.parse(fs.readFileSync(file, 'utf8'));
    entry.analysis.mentions[1] = text.length + 5; // the first mention's end, past the text
    fs.writeFileSync(file, JSON.stringify(entry));
    assert.strictEqual(await cache.get(hash, text), undefined);
    assert.deepStrictEqual(discarded, ['mention out of range']);
  });

  it('stores mentions packed, without their texts', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    const hash = contentHash(text);
    await cache.put(hash, analyzed(text));
    const raw = fs.readFileSync(path.join(dir, hash.slice(0, 2), `${hash}.json`), 'utf8');
    assert.ok(!raw.includes('"text"') && !raw.includes('Merkel met'), raw);
  });

  it('leaves no temporary files behind', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await Promise.all(['a', 'b', 'c'].map(t => cache.put(contentHash(t), analyzed(t))));
    const files = fs.readdirSync(dir, { recursive: true }).map(String);
    assert.ok(files.every(f => !f.endsWith('.tmp')), files.join(', '));
    assert.strictEqual(files.filter(f => f.endsWith('.json')).length, 3);
  });
});

describe('packed analysis', () => {
  it('unpacks to the analysis it packed, mention texts sliced from the text', () => {
    const text = 'On 3 May 2023, Angela Merkel met Vladimir Putin in Berlin. Merkel said it cost $5 million.';
    const analysis = analyzeDocument(text);
    assert.ok(analysis.mentions.some(m => m.value !== null), 'a resolved date survives too');
    assert.deepStrictEqual(unpackAnalysis(packAnalysis(analysis), text), analysis);
  });
});
