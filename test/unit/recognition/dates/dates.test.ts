import * as assert from 'assert';
import { dayNumber, fromDayNumber, isoWeekday } from '../../../../src/core/recognition/dates/calendar';
import { findDateHeader, resolveDate } from '../../../../src/core/recognition/dates/dates';

const ANCHOR = '2023-01-31'; // a Tuesday

/** Independent reference: ISO weekday (Mon 1 … Sun 7) through the platform's UTC calendar. */
function weekdayOf(iso: string): number {
  return ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('calendar', () => {
  it('agrees with the platform UTC calendar over a thousand years', () => {
    for (let days = -200_000; days < 200_000; days += 97) {
      const utc = new Date(days * 86_400_000);
      const ymd = { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
      assert.deepStrictEqual(fromDayNumber(days), ymd);
      assert.strictEqual(dayNumber(ymd.year, ymd.month, ymd.day), days);
      assert.strictEqual(isoWeekday(days), ((utc.getUTCDay() + 6) % 7) + 1);
    }
  });
});

describe('findDateHeader', () => {
  const findDocumentDate = (text: string): string | null => findDateHeader(text)?.date ?? null;

  it('reads a leading "date YYYY-MM-DD" after whitespace or a BOM', () => {
    assert.strictEqual(findDocumentDate(' date 2023-01-31 With the first anniversary'), '2023-01-31');
    assert.strictEqual(findDocumentDate('\uFEFFdate 2021-12-05\nText'), '2021-12-05');
    assert.strictEqual(findDocumentDate('\n\tDate: 2020-02-29 text'), '2020-02-29');
  });

  it('reads a date: key in YAML front matter', () => {
    assert.strictEqual(findDocumentDate('---\ntitle: A\ndate: 2022-05-06\n---\nBody'), '2022-05-06');
    assert.strictEqual(findDocumentDate('---\r\ndate: "2022-05-06T10:00:00Z"\r\n---\r\n'), '2022-05-06');
  });

  it('ignores dates elsewhere, impossible dates and unterminated front matter', () => {
    assert.strictEqual(findDocumentDate('Published: date 2023-01-31'), null);
    assert.strictEqual(findDocumentDate('Text\ndate 2023-01-31'), null);
    assert.strictEqual(findDocumentDate('date 2023-02-30 text'), null);
    assert.strictEqual(findDocumentDate('date 2023-01-311'), null);
    assert.strictEqual(findDocumentDate('---\ndate: 2022-05-06\nno end'), null);
    assert.strictEqual(findDocumentDate('text\n---\ndate: 2022-05-06\n---\n'), null);
    assert.strictEqual(findDocumentDate(''), null);
  });

  it('spans the header from its key to the end of its date, to keep it out of the mentions', () => {
    const span = (text: string) => {
      const header = findDateHeader(text);
      return header && text.slice(header.start, header.end);
    };
    assert.strictEqual(span(' date 2023-01-31 With the first anniversary'), 'date 2023-01-31');
    assert.strictEqual(span('\uFEFF\n\tDate: 2020-02-29 text'), 'Date: 2020-02-29');
    assert.strictEqual(span('---\r\ntitle: A\r\ndate: "2022-05-06T10:00:00Z"\r\n---\r\n'), 'date: "2022-05-06');
    assert.deepStrictEqual(
      findDateHeader('date 2023-02-30 text'),
      { start: 0, end: 15, date: null },
      'an impossible date is still the header',
    );
  });
});

describe('resolveDate', () => {
  const cases: [string, string | null][] = [
    // from the sample document
    ['February 24', '2023-02-24'],
    ['last year', '2022'],
    ['December last year', '2022-12'],
    ['September last year', '2022-09'],
    ['Monday', '2023-01-30'],
    ['This year', '2023'],
    ['this year', '2023'],
    ['this spring', '2023-03/2023-05'],
    ['2019', '2019'],
    ['2023-01-31', '2023-01-31'],
    ['year-end', null],
    // absolute forms
    ['January 2023', '2023-01'],
    ['24 February 2023', '2023-02-24'],
    ['Feb. 24, 2023', '2023-02-24'],
    ['February 24th, 2023', '2023-02-24'],
    ['the 24th of February', '2023-02-24'],
    ['Sept 2021', '2021-09'],
    ['the 1990s', '1990/1999'],
    ["the 1980's", '1980/1989'],
    ['in 2019', '2019'],
    ['the year 2019', '2019'],
    ['early 2020', '2020'],
    ['mid-2020', '2020'],
    ['late 2020.', '2020'],
    ['2019-12', '2019-12'],
    ['2019-21', '2019/2021'],
    ['between 2019 and 2021', '2019/2021'],
    ['spring 2023', '2023-03/2023-05'],
    ['winter 2022', '2022-12/2023-02'],
    ['the first half of 2023', '2023-01/2023-06'],
    ['Q3 2022', '2022-07/2022-09'],
    ['Friday, February 24, 2023', '2023-02-24'],
    // relative to the anchor
    ['mid-March', '2023-03'],
    ['yesterday', '2023-01-30'],
    ['yesterday morning', '2023-01-30'],
    ['today', '2023-01-31'],
    ['tomorrow', '2023-02-01'],
    ['the day before yesterday', '2023-01-29'],
    ['last month', '2022-12'],
    ['next month', '2023-02'],
    ['last week', '2023-W04'],
    ['this week', '2023-W05'],
    ['Monday last week', '2023-01-23'],
    ['3 days ago', '2023-01-28'],
    ['two weeks ago', '2023-01-17'],
    ['a year ago', '2022'],
    ['6 months ago', '2022-07'],
    ['last year\u2019s', '2022'],
    ['the end of last year', '2022'],
    ['earlier this year', '2023'],
    ['last December', '2022-12'],
    ['last January', '2022-01'],
    ['next January', '2024-01'],
    ['this winter', '2022-12/2023-02'],
    ['last winter', '2021-12/2022-02'],
    ['next winter', '2023-12/2024-02'],
    ['last spring', '2022-03/2022-05'],
    ['the third quarter of last year', '2022-07/2022-09'],
    // not dates, or not resolvable
    ['Morning', null],
    ['February 30', null],
    ['that year', null],
    ['the past few weeks', null],
    ['', null],
    ['100000 years ago', null],
  ];
  for (const [span, expected] of cases) {
    it(`"${span}" → ${expected}`, () => assert.strictEqual(resolveDate(span, ANCHOR), expected));
  }

  it('resolves relative expressions only with a document date', () => {
    for (const span of ['February 24', 'last year', 'Monday', 'this spring', 'December last year', '3 days ago', 'last week']) {
      assert.strictEqual(resolveDate(span, null), null, span);
      assert.notStrictEqual(resolveDate(span, ANCHOR), null, span);
    }
    for (const span of ['2019', 'Feb. 24, 2023', 'the 1990s', 'winter 2022']) {
      assert.strictEqual(resolveDate(span, null), resolveDate(span, ANCHOR), span);
    }
    assert.strictEqual(resolveDate('yesterday', 'not a date'), null);
  });

  it('places weekdays strictly before (or after, with "next") the anchor, within a week', () => {
    const names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    for (let shift = 0; shift < 400; shift += 13) {
      const anchor = addDays('2019-12-25', shift);
      names.forEach((name, i) => {
        const before = resolveDate(name, anchor)!;
        const after = resolveDate(`next ${name}`, anchor)!;
        assert.strictEqual(weekdayOf(before), i + 1, `${name} before ${anchor}`);
        assert.strictEqual(weekdayOf(after), i + 1, `next ${name} after ${anchor}`);
        assert.ok(before < anchor && addDays(before, 7) >= anchor, `${before} vs ${anchor}`);
        assert.ok(after > anchor && addDays(after, -7) <= anchor, `${after} vs ${anchor}`);
      });
    }
  });

  it('counts days across month, year and leap-day boundaries', () => {
    for (const anchor of ['2024-03-01', '2023-01-01', '2000-03-01', '1900-03-01']) {
      assert.strictEqual(resolveDate('yesterday', anchor), addDays(anchor, -1));
      assert.strictEqual(resolveDate('10 days ago', anchor), addDays(anchor, -10));
    }
  });

  it('names ISO weeks by the year of their Thursday', () => {
    assert.strictEqual(resolveDate('this week', '2021-01-03'), '2020-W53');
    assert.strictEqual(resolveDate('this week', '2024-12-30'), '2025-W01');
    assert.strictEqual(resolveDate('next week', '2020-12-28'), '2021-W01');
  });
});
