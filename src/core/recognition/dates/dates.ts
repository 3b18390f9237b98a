// A document's own date, and the resolution of short DATE spans to ISO 8601 values.
//
// Deliberately a small resolver over the span text only: whole-text date parsers invent dates
// from ordinary words ("Morning" in "South China Morning Post"). Conventions, relative to the
// document date (the anchor):
// - a month or month-day without a year takes the anchor's year ("February 24" → 2023-02-24);
// - a bare weekday or "last <weekday>" is the latest such day strictly before the anchor,
//   "next <weekday>" the first after it, "this <weekday>" the one in the anchor's ISO week;
// - weeks are ISO weeks ("last week" → 2023-W04); "3 weeks ago" is a day (anchor − 21 days);
// - seasons are northern meteorological (spring = March–May); a winter is named by the year of
//   its December ("winter 2022" → 2022-12/2023-02); "this <season>" is the one containing the
//   anchor, else the one starting in the anchor's year;
// - vague modifiers (early, mid-, late, the end of) resolve to the unit they modify;
// - decades are year intervals ("the 1990s" → 1990/1999);
// - "year-end", "that year", durations and anything unrecognised resolve to null, as do all
//   relative expressions when there is no document date.

import {
  addMonths,
  dayNumber,
  daysInMonth,
  formatDay,
  formatMonth,
  formatYear,
  formatYMD,
  fromDayNumber,
  isValidDate,
  isoWeek,
  isoWeekday,
} from './calendar';

/** The header giving a document its own date: where it stands, and the date (null if impossible). */
export interface DateHeader {
  /** From the `date` key to the end of its YYYY-MM-DD. */
  start: number;
  end: number;
  date: string | null;
}

/**
 * The document's own date header: a `date YYYY-MM-DD` line at the very start (after optional
 * whitespace or BOM), or a `date:` key in YAML front matter. Null when there is neither.
 */
export function findDateHeader(text: string): DateHeader | null {
  // \s also matches U+FEFF, so a BOM needs no special case.
  const leading = /^\s*(date:?[ \t]+(\d{4}-\d{2}-\d{2}))(?!\d)/di.exec(text);
  if (leading) return dateHeader(leading.indices![1], leading[2], 0);
  const frontMatter = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/d.exec(text);
  const date = frontMatter && /^(date:[ \t]*["']?(\d{4}-\d{2}-\d{2}))(?!\d)/dm.exec(frontMatter[1]);
  return date ? dateHeader(date.indices![1], date[2], frontMatter.indices![1][0]) : null;
}

function dateHeader([start, end]: [number, number], iso: string, offset: number): DateHeader {
  return { start: offset + start, end: offset + end, date: validIsoDay(iso) };
}

/**
 * Resolves the text of a DATE span to ISO 8601 (`2023-02-24`, `2022-12`, `2022`, `2023-W04`,
 * or an interval `2023-03/2023-05`), relative expressions against `documentDate`.
 */
export function resolveDate(spanText: string, documentDate: string | null): string | null {
  const iso = documentDate && validIsoDay(documentDate);
  const anchor = iso ? dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)) : null;
  const text = substituteRelativeYear(stripModifiers(normalise(spanText)), anchor);
  const value = text === null ? null : resolveNormalised(text, anchor);
  return value && /^\d{4}(?!\d)/.test(value) ? value : null; // "100000 years ago" has no ISO year
}

function validIsoDay(text: string): string | null {
  const [year, month, day] = text.split('-').map(Number);
  return isValidDate(year, month, day) ? text : null;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tues: 2,
  tue: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thurs: 4,
  thur: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
/** First month of each meteorological season. */
const SEASONS: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };
/** Offset named by a relative word: "last year", "next month", "this week". */
const RELATIVE: Record<string, number> = { last: -1, previous: -1, this: 0, current: 0, next: 1, coming: 1 };

const alternation = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');
const MONTH = `(${alternation(MONTHS)})\\.?`;
const WEEKDAY = `(${alternation(WEEKDAYS)})\\.?`;
const SEASON = `(${alternation(SEASONS)})`;
const REL = `(${alternation(RELATIVE)})`;
const YEAR = '([12]\\d{3})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

/** Lower-case words and numbers with single spaces: of the replacements below, only the last can apply. */
const PLAIN = /^[a-z\d]+(?: [a-z\d]+)*$/;
const TIME_OF_DAY = /(\S) (?:morning|afternoon|evening|night)$/;

function normalise(span: string): string {
  const lower = span.toLowerCase();
  if (PLAIN.test(lower)) return lower.replace(TIME_OF_DAY, '$1');
  return lower
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:!?]+$/, '')
    .replace(/(\d0)'s$/, '$1s') // "the 1990's"
    .replace(/'s?$/, '') // "last year's"
    .replace(TIME_OF_DAY, '$1'); // "yesterday morning"
}

/** Prepositions and vague modifiers that do not change the unit a span refers to. */
const MODIFIER =
  /^(?:in|on|at|of|during|around|about|circa|the|between|from|early|earlier|late|later|mid|middle of|beginning of|start of|end of|year(?= \d))(?:[ -]+|$)/;

function stripModifiers(text: string): string {
  for (let next = text.replace(MODIFIER, ''); next !== text; next = text.replace(MODIFIER, '')) text = next;
  return text;
}

const WITH_RELATIVE_YEAR = new RegExp(`^(.*\\S),? (?:of )?${REL} year$`);

/** "December last year" → "december 2022"; null when a relative year has no anchor. */
function substituteRelativeYear(text: string, anchor: number | null): string | null {
  const match = WITH_RELATIVE_YEAR.exec(text);
  if (!match) return text;
  if (anchor === null) return null;
  return `${match[1]} ${fromDayNumber(anchor).year + RELATIVE[match[2]]}`;
}

const DAY_WORDS: Record<string, number> = {
  today: 0,
  tonight: 0,
  yesterday: -1,
  tomorrow: 1,
  'day before yesterday': -2,
  'day after tomorrow': 2,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};

type Rule = [RegExp, (m: RegExpExecArray, anchor: number | null) => string | null];

/** Tried in order; the first non-null result wins ("2019-12" is a month, "2019-21" a range). */
const RULES: Rule[] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, m => day(+m[1], +m[2], +m[3])],
  [/^(\d{4})-(\d{2})$/, m => month(+m[1], +m[2])],
  [new RegExp(`^${YEAR}$`), m => formatYear(+m[1])],
  [new RegExp(`^${YEAR} ?(?:-|to|and|through|until) ?(\\d{2}|[12]\\d{3})$`), m => yearRange(m[1], m[2])],
  [/^([12]\d{2})0s$/, m => `${m[1]}0/${m[1]}9`],
  [new RegExp(`^${MONTH} ${DAY},? ${YEAR}$`), m => day(+m[3], MONTHS[m[1]], +m[2])],
  [new RegExp(`^${DAY} (?:of )?${MONTH},? ${YEAR}$`), m => day(+m[3], MONTHS[m[2]], +m[1])],
  [new RegExp(`^${MONTH},? (?:of )?${YEAR}$`), m => month(+m[2], MONTHS[m[1]])],
  [new RegExp(`^${MONTH} ${DAY}$`), relative((m, a) => day(yearOf(a), MONTHS[m[1]], +m[2]))],
  [new RegExp(`^${DAY} (?:of )?${MONTH}$`), relative((m, a) => day(yearOf(a), MONTHS[m[2]], +m[1]))],
  [new RegExp(`^${MONTH}$`), relative((m, a) => month(yearOf(a), MONTHS[m[1]]))],
  [new RegExp(`^${REL} ${MONTH}$`), relative((m, a) => relativeMonth(a, RELATIVE[m[1]], MONTHS[m[2]]))],
  [new RegExp(`^(?:${REL} )?${WEEKDAY}$`), relative((m, a) => weekday(a, m[1] ? RELATIVE[m[1]] : -1, WEEKDAYS[m[2]]))],
  [new RegExp(`^${WEEKDAY} ${REL} week$`), relative((m, a) => weekdayOfWeek(a + 7 * RELATIVE[m[2]], WEEKDAYS[m[1]]))],
  [new RegExp(`^${WEEKDAY},? (.+)$`), (m, a) => fullDayOnly(resolveNormalised(m[2], a))],
  [/^(today|tonight|yesterday|tomorrow|day before yesterday|day after tomorrow)$/, relative((m, a) => formatDay(a + DAY_WORDS[m[1]]))],
  [new RegExp(`^${REL} week$`), relative((m, a) => isoWeek(a + 7 * RELATIVE[m[1]]))],
  [new RegExp(`^${REL} (year|month)$`), relative((m, a) => shiftUnit(a, m[2], RELATIVE[m[1]]))],
  [
    new RegExp(`^(\\d+|${alternation(NUMBER_WORDS)}) (day|week|fortnight|month|year|decade)s? (ago|from now|hence)$`),
    relative((m, a) => shiftUnit(a, m[2], (NUMBER_WORDS[m[1]] ?? +m[1]) * (m[3] === 'ago' ? -1 : 1))),
  ],
  [new RegExp(`^${SEASON},? (?:of )?${YEAR}$`), m => season(+m[2], SEASONS[m[1]])],
  [new RegExp(`^(?:${REL} )?${SEASON}$`), relative((m, a) => relativeSeason(a, m[1] ? RELATIVE[m[1]] : 0, SEASONS[m[2]]))],
  [/^(first|1st|second|2nd) half (?:of )?(.+)$/, (m, a) => yearPart(resolveNormalised(m[2], a), 6, ORDINALS[m[1]])],
  [/^(first|1st|second|2nd|third|3rd|fourth|4th) quarter (?:of )?(.+)$/, (m, a) => yearPart(resolveNormalised(m[2], a), 3, ORDINALS[m[1]])],
  [/^q([1-4]),? (.+)$/, (m, a) => yearPart(resolveNormalised(m[2], a), 3, +m[1])],
];

function resolveNormalised(text: string, anchor: number | null): string | null {
  for (const [pattern, resolve] of RULES) {
    const match = pattern.exec(text);
    const value = match && resolve(match, anchor);
    if (value) return value;
  }
  return null;
}

/** Rules needing an anchor yield null without one. */
function relative(resolve: (m: RegExpExecArray, anchor: number) => string | null): Rule[1] {
  return (m, anchor) => (anchor === null ? null : resolve(m, anchor));
}

function day(year: number, monthNumber: number, dayOfMonth: number): string | null {
  return isValidDate(year, monthNumber, dayOfMonth) ? formatYMD(year, monthNumber, dayOfMonth) : null;
}

function month(year: number, monthNumber: number): string | null {
  return monthNumber >= 1 && monthNumber <= 12 ? formatMonth(year, monthNumber) : null;
}

function yearOf(anchor: number): number {
  return fromDayNumber(anchor).year;
}

/** "2019-21", "2019 to 2021" → 2019/2021; the end must follow the start. */
function yearRange(start: string, end: string): string | null {
  const last = end.length === 2 ? Math.floor(+start / 100) * 100 + +end : +end;
  return last > +start ? `${start}/${formatYear(last)}` : null;
}

function fullDayOnly(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** "last March": the latest March strictly before the anchor's month; "next March" the first after. */
function relativeMonth(anchor: number, offset: number, monthNumber: number): string {
  const { year, month: current } = fromDayNumber(anchor);
  if (offset < 0) return formatMonth(monthNumber < current ? year : year - 1, monthNumber);
  if (offset > 0) return formatMonth(monthNumber > current ? year : year + 1, monthNumber);
  return formatMonth(year, monthNumber);
}

/** The weekday strictly before (offset < 0) or after (> 0) the anchor, or in its ISO week (0). */
function weekday(anchor: number, offset: number, target: number): string {
  const current = isoWeekday(anchor);
  if (offset < 0) return formatDay(anchor - (((current - target + 6) % 7) + 1));
  if (offset > 0) return formatDay(anchor + (((target - current + 6) % 7) + 1));
  return weekdayOfWeek(anchor, target);
}

function weekdayOfWeek(dayInWeek: number, target: number): string {
  return formatDay(dayInWeek - isoWeekday(dayInWeek) + target);
}

function shiftUnit(anchor: number, unit: string, amount: number): string {
  const { year, month: current } = fromDayNumber(anchor);
  switch (unit) {
    case 'day':
      return formatDay(anchor + amount);
    case 'week':
      return formatDay(anchor + 7 * amount);
    case 'fortnight':
      return formatDay(anchor + 14 * amount);
    case 'month': {
      const shifted = addMonths(year, current, amount);
      return formatMonth(shifted.year, shifted.month);
    }
    case 'decade':
      return formatYear(year + 10 * amount);
    default:
      return formatYear(year + amount);
  }
}

/** The season starting in `year` (a winter runs into the next year). */
function season(year: number, firstMonth: number): string {
  const last = addMonths(year, firstMonth, 2);
  return `${formatMonth(year, firstMonth)}/${formatMonth(last.year, last.month)}`;
}

function relativeSeason(anchor: number, offset: number, firstMonth: number): string {
  const starts = (year: number) => dayNumber(year, firstMonth, 1);
  const ends = (year: number) => {
    const last = addMonths(year, firstMonth, 2);
    return dayNumber(last.year, last.month, daysInMonth(last.year, last.month));
  };
  let year = yearOf(anchor);
  if (offset < 0) {
    while (ends(year) >= anchor) year--;
  } else if (offset > 0) {
    year--;
    while (starts(year) <= anchor) year++;
  } else if (starts(year - 1) <= anchor && anchor <= ends(year - 1)) {
    year--; // a winter that began last December
  }
  return season(year, firstMonth);
}

/** Part `index` (1-based) of `size` months within a resolved year. */
function yearPart(yearValue: string | null, size: number, index: number): string | null {
  if (yearValue === null || !/^\d{4}$/.test(yearValue)) return null;
  const first = (index - 1) * size + 1;
  return `${formatMonth(+yearValue, first)}/${formatMonth(+yearValue, first + size - 1)}`;
}
