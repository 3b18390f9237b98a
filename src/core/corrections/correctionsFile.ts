// The corrections file: reading it (with errors at a line and column a person can find) and
// writing it so that a diff shows one line per correction.

import { foldKey } from '../text/nameForms';
import { scanJson } from '../text/jsonLayout';
import { ENTITY_TYPES, NAMED_TYPES } from '../types';
import { CORRECTIONS_VERSION, Correction, Corrections } from './correctionList';

export type ParsedCorrections = { corrections: Corrections } | { error: string; line: number; column: number };

/** Limits that keep a hostile file from stalling whoever reads it (README "Corrections"). */
export const MAX_CORRECTIONS_BYTES = 5 * 1024 * 1024;
export const MAX_CORRECTIONS = 50_000;
/** An addition's text is matched at every position of every document: names are far shorter. */
export const MAX_ADD_TEXT = 200;

/** Each operation's fields, in the order they are written (diff-stable, `op` first to read well). */
export const CORRECTION_FIELDS: Record<Correction['op'], { readonly required: readonly string[]; readonly optional: readonly string[] }> = {
  retype: { required: ['entity', 'type'], optional: [] },
  notEntity: { required: ['text'], optional: [] },
  addEntity: { required: ['text', 'type'], optional: [] },
  merge: { required: ['entity', 'into'], optional: ['name'] },
  split: { required: ['entity', 'alias'], optional: [] },
};

/**
 * The file's text: 2-space indent, one correction per line (a diff shows one line per
 * correction), fields in a fixed order, a trailing newline.
 */
export function serializeCorrections(c: Corrections): string {
  const lines = c.corrections.map(correction => {
    const { required, optional } = CORRECTION_FIELDS[correction.op];
    const record = correction as unknown as Record<string, unknown>;
    const fields = ['op', ...required, ...optional]
      .filter(key => record[key] !== undefined)
      .map(key => `${JSON.stringify(key)}: ${JSON.stringify(record[key])}`);
    return `    { ${fields.join(', ')} }`;
  });
  const list = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "version": ${CORRECTIONS_VERSION},\n  "corrections": ${list}\n}\n`;
}

class SchemaError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Parses and validates the file's bytes: UTF-8 (with or without a BOM), at most
 * MAX_CORRECTIONS_BYTES. Bytes that are not UTF-8 are an error at their line and column, never
 * replaced: a file read with replacement characters would be written back with them.
 */
export function parseCorrectionsFile(bytes: Uint8Array): ParsedCorrections {
  if (bytes.length > MAX_CORRECTIONS_BYTES) return oversized(bytes.length);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const replaced = new TextEncoder().encode(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    let bad = 0;
    while (bad < bytes.length && bytes[bad] === replaced[bad]) bad++;
    const before = new TextDecoder().decode(bytes.subarray(0, bad));
    const at = lineAndColumn(before, before.length);
    return { error: `not UTF-8: byte 0x${bytes[bad].toString(16)} cannot be read (save the file as UTF-8)`, ...at };
  }
  return parseCorrections(text);
}

/** The error for a file of `size` bytes over MAX_CORRECTIONS_BYTES (to refuse it before reading it). */
export function oversized(size: number): ParsedCorrections & { error: string } {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  return {
    error: `the file is ${mb(size)}: Corpus Lens reads corrections files of at most ${mb(MAX_CORRECTIONS_BYTES)}`,
    line: 1,
    column: 1,
  };
}

/**
 * Parses and validates the file's text. Errors carry a 1-based line and column (UTF-16 code
 * units): of the JSON syntax error, else of the offending correction (or top-level field).
 */
export function parseCorrections(json: string): ParsedCorrections {
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const scan = scanJson(text, 'corrections');
    const reported = /at position (\d+)/.exec((error as Error).message);
    const offset = !scan.ok ? scan.offset : reported ? Number(reported[1]) : 0;
    return { error: `invalid JSON: ${syntaxMessage((error as Error).message)}`, ...lineAndColumn(text, offset) };
  }
  const scan = scanJson(text, 'corrections');
  const layout = scan.ok ? scan.layout : { keys: new Map<string, number>(), elements: [] };
  // JSON.parse keeps a repeated key's last value: the rest of the file would be lost on the next write.
  if (layout.duplicate) return { error: `duplicate key "${layout.duplicate.key}"`, ...lineAndColumn(text, layout.duplicate.offset) };
  try {
    return {
      corrections: validate(
        data,
        key => layout.keys.get(key) ?? 0,
        index => layout.elements[index] ?? 0,
      ),
    };
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    return { error: error.message, ...lineAndColumn(text, error.offset) };
  }
}

/** JSON.parse's message without the position or the quoted input ("Unexpected token '}'"). */
function syntaxMessage(message: string): string {
  return message
    .replace(/, .* is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '');
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NAMED: ReadonlySet<string> = new Set(NAMED_TYPES);
const ALL_TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);
const OPS = Object.keys(CORRECTION_FIELDS);
const WORD_CHAR = /[\p{L}\p{N}]/u;

function validate(data: unknown, keyAt: (key: string) => number, elementAt: (index: number) => number): Corrections {
  if (!isRecord(data)) throw new SchemaError('the file must hold a JSON object {"version": 1, "corrections": [...]}', 0);
  for (const key of Object.keys(data)) {
    if (key !== 'version' && key !== 'corrections') {
      throw new SchemaError(`unknown field "${key}" (expected "version" and "corrections")`, keyAt(key));
    }
  }
  if (data.version === undefined) throw new SchemaError('missing "version": 1', 0);
  if (data.version !== CORRECTIONS_VERSION) {
    const newer = typeof data.version === 'number' && data.version > CORRECTIONS_VERSION;
    throw new SchemaError(
      newer
        ? `unsupported version ${data.version}: this Corpus Lens reads version ${CORRECTIONS_VERSION}`
        : `"version" must be ${CORRECTIONS_VERSION}`,
      keyAt('version'),
    );
  }
  if (data.corrections === undefined) throw new SchemaError('missing "corrections": [...]', 0);
  if (!Array.isArray(data.corrections)) throw new SchemaError('"corrections" must be an array', keyAt('corrections'));
  if (data.corrections.length > MAX_CORRECTIONS) {
    throw new SchemaError(
      `more than ${MAX_CORRECTIONS.toLocaleString('en')} corrections: Corpus Lens reads at most that many`,
      elementAt(MAX_CORRECTIONS),
    );
  }
  const corrections = data.corrections.map((item: unknown, index: number) => {
    try {
      return validateCorrection(item);
    } catch (error) {
      if (error instanceof SchemaError) throw new SchemaError(`correction ${index + 1}: ${error.message}`, elementAt(index));
      throw error;
    }
  });
  return { version: 1, corrections };
}

function validateCorrection(item: unknown): Correction {
  if (!isRecord(item)) throw new SchemaError('must be an object', 0);
  const op = item.op;
  if (typeof op !== 'string' || !OPS.includes(op)) throw new SchemaError(`"op" must be one of ${OPS.join(', ')}`, 0);
  const { required, optional } = CORRECTION_FIELDS[op as Correction['op']];
  for (const key of Object.keys(item)) {
    if (key !== 'op' && !required.includes(key) && !optional.includes(key)) throw new SchemaError(`unknown field "${key}" for ${op}`, 0);
  }
  for (const key of required) checkField(op, key, item[key]);
  for (const key of optional) if (item[key] !== undefined) checkField(op, key, item[key]);
  if (op === 'merge' && foldKey(item.entity as string) === foldKey(item.into as string)) {
    throw new SchemaError('cannot merge an entity into itself', 0);
  }
  // Every field is known and checked: the parsed object is the correction (no copy of 50,000).
  return item as unknown as Correction;
}

function checkField(op: string, key: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw new SchemaError(`"${key}" must be a non-empty string`, 0);
  if (key === 'entity' || key === 'into') checkEntityId(key, value);
  if (key === 'type' && !NAMED.has(value)) throw new SchemaError(`"type" must be one of ${NAMED_TYPES.join(', ')}`, 0);
  if ((key === 'text' || key === 'alias') && !WORD_CHAR.test(value)) throw new SchemaError(`"${key}" must hold a letter or digit`, 0);
  if (op === 'addEntity' && key === 'text' && value.length > MAX_ADD_TEXT) {
    throw new SchemaError(`"text" must be at most ${MAX_ADD_TEXT} characters`, 0);
  }
}

function checkEntityId(key: string, id: string): void {
  const colon = id.indexOf(':');
  const type = id.slice(0, colon);
  if (colon < 0 || !ALL_TYPES.has(type) || id.slice(colon + 1).trim() === '') {
    throw new SchemaError(`"${key}" must be an entity id TYPE:name with TYPE one of ${ENTITY_TYPES.join(', ')}`, 0);
  }
}
