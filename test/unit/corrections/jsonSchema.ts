// A validator for the few draft-07 keywords schemas/ uses (ajv is only a transitive dependency
// here). An unknown keyword throws, so the schema cannot use one these tests would ignore.

type Schema = { [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);

/** The places where `value` breaks `schema` (none when it is valid). */
export function schemaErrors(schema: Schema, value: unknown, at = '$'): string[] {
  const errors: string[] = [];
  for (const [keyword, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case 'type':
        if (typeOf(value) !== arg) errors.push(`${at}: not ${arg}`);
        break;
      case 'const':
        if (value !== arg) errors.push(`${at}: not ${JSON.stringify(arg)}`);
        break;
      case 'enum':
        if (!(arg as unknown[]).includes(value)) errors.push(`${at}: not one of ${(arg as unknown[]).join(', ')}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) errors.push(`${at}: does not match ${arg}`);
        break;
      case 'maxLength':
        if (typeof value === 'string' && [...value].length > (arg as number)) errors.push(`${at}: longer than ${arg}`);
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > (arg as number)) errors.push(`${at}: more than ${arg} items`);
        break;
      case 'required':
        for (const key of arg as string[]) if (isObject(value) && !(key in value)) errors.push(`${at}: lacks ${key}`);
        break;
      case 'properties':
        for (const [key, sub] of Object.entries(arg as Record<string, Schema>)) {
          if (isObject(value) && key in value) errors.push(...schemaErrors(sub, value[key], `${at}.${key}`));
        }
        break;
      case 'additionalProperties': {
        if (arg !== false) throw new Error('additionalProperties: only false is supported');
        const known = Object.keys((schema.properties ?? {}) as object);
        if (isObject(value)) for (const key of Object.keys(value)) if (!known.includes(key)) errors.push(`${at}: unknown ${key}`);
        break;
      }
      case 'items':
        if (Array.isArray(value)) value.forEach((item, i) => errors.push(...schemaErrors(arg as Schema, item, `${at}[${i}]`)));
        break;
      case 'oneOf': {
        const passes = (arg as Schema[]).filter(sub => schemaErrors(sub, value, at).length === 0).length;
        if (passes !== 1) errors.push(`${at}: matches ${passes} of oneOf`);
        break;
      }
      default:
        throw new Error(`unsupported schema keyword ${keyword}`);
    }
  }
  return errors;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeOf(value) === 'object';
}
