import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ANALYZER_VERSION, analyzeDocument } from '../../../src/core/recognition/analyzer';
import { DocumentAnalysis, Mention } from '../../../src/core/types';

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', 'seeds', '000_a4262604377c852d.txt'), 'utf8');

describe('analyzeDocument on the news sample', () => {
  let analysis: DocumentAnalysis;
  let mentions: Mention[];
  before(() => {
    analysis = analyzeDocument(SAMPLE);
    mentions = analysis.mentions;
  });

  const ofKey = (key: string): string[] => mentions.filter(m => m.entityKey === key).map(m => m.text);
  const typed = (type: string): Set<string> => new Set(mentions.filter(m => m.type === type).map(m => m.text));

  it('reports its version, the document date, tokens and sentences', () => {
    assert.strictEqual(analysis.analyzer, ANALYZER_VERSION);
    assert.strictEqual(analysis.date, '2023-01-31');
    assert.ok(analysis.tokens > 400 && analysis.tokens < 500, `tokens ${analysis.tokens}`);
    assert.ok(analysis.sentences.length >= 15);
    assert.ok(SAMPLE.slice(analysis.sentences[0].start).startsWith('date 2023-01-31'));
  });

  it('slices every mention exactly, sorted and without overlap', () => {
    let end = 0;
    for (const m of mentions) {
      assert.strictEqual(m.text, SAMPLE.slice(m.start, m.end));
      assert.ok(m.start >= end);
      end = m.end;
    }
  });

  it('finds the people, one entity per person', () => {
    assert.deepStrictEqual(ofKey('PERSON:xi jinping').sort(), ['Jinping', 'Jinping', 'Xi Jinping', 'Xi Jinping', 'Xi Jinping']);
    assert.ok(mentions.filter(m => m.entityKey === 'PERSON:xi jinping').every(m => m.name === 'Xi Jinping'));
    assert.deepStrictEqual(ofKey('PERSON:vladimir putin'), ['Vladimir Putin', 'Vladimir Putin']);
    assert.deepStrictEqual(ofKey('PERSON:sergey lavrov'), ['Sergey Lavrov']);
  });

  it('keeps a person found when one more sentence names him (no document-level flip)', () => {
    const more = analyzeDocument(`${SAMPLE}\nAngela Merkel met Xi Jinping.`).mentions.filter(m => m.entityKey === 'PERSON:xi jinping');
    assert.deepStrictEqual(more.map(m => m.text).sort(), ['Jinping', 'Jinping', 'Xi Jinping', 'Xi Jinping', 'Xi Jinping', 'Xi Jinping']);
  });

  it('leaves the possessive out of a name ("Jinping’s")', () => {
    const at = SAMPLE.indexOf('Jinping’s');
    const m = mentions.find(x => x.start === at);
    assert.strictEqual(m?.text, 'Jinping');
  });

  it('splits a title and a nationality off a person', () => {
    const at = SAMPLE.indexOf('Russian Foreign Minister Sergey Lavrov');
    const near = mentions.filter(m => m.start >= at && m.end <= at + 38).map(m => `${m.type} ${m.text}`);
    assert.deepStrictEqual(near, ['NORP Russian', 'PERSON Sergey Lavrov']);
  });

  it('finds the organisations, the acronym SCMP as the Post', () => {
    assert.deepStrictEqual(ofKey('ORG:south china morning post'), ['South China Morning Post', 'SCMP']);
    assert.ok(mentions.filter(m => m.text === 'SCMP').every(m => m.name === 'South China Morning Post'));
    for (const name of ['Communist Party', 'TASS', 'Shanghai Cooperation Organisation', 'Foreign Ministry']) {
      assert.ok(typed('ORG').has(name), name);
    }
    // "Russian Foreign Ministry" is always NORP Russian + ORG Foreign Ministry.
    assert.strictEqual(ofKey('ORG:foreign ministry').length, 2);
  });

  it('drops wink spans inside names ("Morning" in the Post)', () => {
    assert.ok(!mentions.some(m => m.text === 'Morning'));
  });

  it('finds the places, splitting hyphenated pairs', () => {
    for (const name of ['Moscow', 'Beijing', 'Russia', 'Ukraine', 'China', 'St. Petersburg', 'Uzbekistan', 'United States', 'Kyiv']) {
      assert.ok(typed('PLACE').has(name), name);
    }
    const at = SAMPLE.indexOf('Moscow-Kyiv');
    assert.deepStrictEqual(
      mentions.filter(m => m.start >= at && m.end <= at + 11).map(m => `${m.type} ${m.text}`),
      ['PLACE Moscow', 'PLACE Kyiv'],
    );
    assert.ok(ofKey('PLACE:ukraine').length >= 3);
  });

  it('finds the nationalities', () => {
    assert.deepStrictEqual([...typed('NORP')].sort(), ['Chinese', 'Russian']);
  });

  it('resolves the dates against the document date', () => {
    const dates = new Map(mentions.filter(m => m.type === 'DATE').map(m => [m.text, m.value]));
    assert.strictEqual(dates.get('February 24'), '2023-02-24');
    assert.strictEqual(dates.get('last year'), '2022');
    assert.strictEqual(dates.get('December last year'), '2022-12');
    assert.strictEqual(dates.get('September last year'), '2022-09');
    assert.strictEqual(dates.get('Monday'), '2023-01-30');
    assert.strictEqual(dates.get('This year'), '2023');
    assert.strictEqual(dates.get('this spring'), '2023-03/2023-05');
    assert.strictEqual(dates.get('2019'), '2019');
    assert.ok(!dates.has('December') && !dates.has('September'), 'adjacent DATE spans are merged');
  });

  it('joins adjacent dates within a paragraph, even hard-wrapped, but not across a blank line', () => {
    const spans = (text: string) =>
      analyzeDocument(text, { documentDate: '2023-01-31' })
        .mentions.filter(m => m.type === 'DATE')
        .map(m => `${text.slice(m.start, m.end)}=${m.value}`);
    assert.deepStrictEqual(spans('It began in December\nlast year.'), ['December\nlast year=2022-12']);
    assert.deepStrictEqual(spans('It began in December\r\nlast year.'), ['December\r\nlast year=2022-12']);
    const apart = spans('Talks resumed on Monday\n\nTuesday brought more.');
    assert.deepStrictEqual(
      apart.map(s => s.split('=')[0]),
      ['Monday', 'Tuesday'],
    );
    assert.ok(
      apart.every(s => /=2023-01-\d\d$/.test(s)),
      `each resolves on its own: ${apart.join(', ')}`,
    );
  });

  it('lets options.documentDate override the date in the text', () => {
    const a = analyzeDocument(SAMPLE, { documentDate: '2021-06-15' });
    assert.strictEqual(a.date, '2021-06-15');
    assert.strictEqual(a.mentions.find(m => m.text === 'this spring')?.value, '2021-03/2021-05');
  });
});

/** Short texts pinning a hand rule run with the rule layer, which stays as `recognizer: 'rules'`. */
describe('analyzeDocument on short texts', () => {
  const typedIn = (text: string): string[] => analyzeDocument(text, { recognizer: 'rules' }).mentions.map(m => `${m.type} ${m.text}`);
  /** Each of `wants` ("TYPE text") is among the mentions of `text`. */
  const assertTyped = (text: string, wants: string[]): void => {
    const found = typedIn(text);
    for (const want of wants) assert.ok(found.includes(want), `${want} in ${found.join(', ')}`);
  };

  it('adds season dates wink misses', () => {
    assert.ok(typedIn('We expect a visit this spring and another in spring 2022.').includes('DATE this spring'));
  });

  it('types organisations by their head word and places by a gazetteer', () => {
    const found = typedIn('He studied at the University of Oxford before moving to Nairobi with the World Bank.');
    assert.ok(found.includes('ORG University of Oxford'), found.join(', '));
    assert.ok(found.includes('PLACE Nairobi'), found.join(', '));
    assert.ok(found.includes('ORG World Bank'), found.join(', '));
  });

  it('keeps names with letters wink splits off whole ("Erdoğan", "Đoković")', () => {
    const found = typedIn('Turkish President Recep Tayyip Erdoğan met Novak Đoković in Łódź.');
    assert.ok(found.includes('PERSON Recep Tayyip Erdoğan'), found.join(', '));
    assert.ok(found.includes('PERSON Novak Đoković'), found.join(', '));
  });

  it('does not take a name of common words, or a place and common words, for a person ("Killing Joke", "Manchester United")', () => {
    assertTyped('Fans of Killing Joke, Pawn Shop and Manchester United cheered as Angela Merkel spoke.', [
      'ORG Killing Joke',
      'ORG Pawn Shop',
      'ORG Manchester United',
      'PERSON Angela Merkel',
    ]);
  });

  it('takes "to" as a place cue for one word only ("spoke to Imran Khan", "flew to Kabul")', () => {
    const found = typedIn('She spoke to Imran Khan before she flew to Kabul.');
    assert.ok(found.includes('PERSON Imran Khan'), found.join(', '));
    assert.ok(found.includes('PLACE Kabul'), found.join(', '));
  });

  it('types a place by a last word that is also a surname, unless the name is a person\'s ("Carnegie Hall", "Stuart Hall")', () => {
    assertTyped('Crowds filled Carnegie Hall and fished at Hancock Pond. Stuart Hall spoke.', [
      'PLACE Carnegie Hall',
      'PLACE Hancock Pond',
      'PERSON Stuart Hall',
    ]);
  });

  it('splits a title-case headline at its common words ("Xi Jinping Meets Putin In Moscow")', () => {
    assertTyped(
      'Xi Jinping Meets Putin In Moscow As Ukraine War Drags On\n\nBill Gates met Tim Cook in Paris on Monday. Vladimir Putin stayed home.',
      ['PERSON Xi Jinping', 'PERSON Putin', 'PLACE Moscow', 'MISC Ukraine War', 'PERSON Bill Gates', 'PERSON Tim Cook'],
    );
  });

  it('takes "the X said" for an organisation, "X said" for a person ("the Kremlin said", "Lavrov said")', () => {
    assertTyped('The talks ended, the Kremlin said. The Pentagon said nothing. Lavrov said no.', [
      'ORG Kremlin',
      'ORG Pentagon',
      'PERSON Lavrov',
    ]);
  });

  it('takes no compass word for a first name ("West Coast Eagles", but "Kanye West")', () => {
    assertTyped('Kanye West watched the West Coast Eagles.', ['ORG West Coast Eagles', 'PERSON Kanye West']);
  });

  it('types a name by the noun before it or the description after it', () => {
    const found = typedIn(
      'He joined the band Deadsy and met the pianist Andras. Caloi is a Brazilian company. Aisby is a village in England.',
    );
    assert.ok(found.includes('ORG Deadsy'), found.join(', '));
    assert.ok(found.includes('PERSON Andras'), found.join(', '));
    assert.ok(found.includes('ORG Caloi'), found.join(', '));
    assert.ok(found.includes('PLACE Aisby'), found.join(', '));
  });

  it('types nationalities, product codes and initials', () => {
    const found = typedIn('The West African pilots flew the F-86 Sabre, said C. H. Douglas.');
    assert.ok(found.includes('NORP West African'), found.join(', '));
    assert.ok(found.includes('MISC F-86 Sabre'), found.join(', '));
    assert.ok(found.includes('PERSON C. H. Douglas'), found.join(', '));
  });

  it('links a lone head word to the organisation before it', () => {
    const a = analyzeDocument('The Defence Ministry said on Monday that the Ministry would respond.', { recognizer: 'rules' });
    const keys = a.mentions.filter(m => m.type === 'ORG').map(m => m.entityKey);
    assert.deepStrictEqual(keys, ['ORG:defence ministry', 'ORG:defence ministry']);
  });
});
