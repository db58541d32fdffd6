/**
 * Checks a value against a JSON schema at run time, for the keywords Dashguard's schemas use (settings-schema.ts,
 * policy-schema.ts), and returns the first problem in ajv's error form (so one wording serves both). It exists
 * beside ajv because ajv either compiles code at run time (extension pages forbid eval) or, compiled at build time,
 * writes about 25 KB of code per shape, which the pages' size budgets cannot carry; this reads the schema objects the
 * pages already hold. A unit test runs it against ajv on the same schemas and values (schema-check.test.ts); a keyword
 * it does not know throws, so a schema can never be checked more loosely than it says.
 */
import { isRecord } from '../shared';

/** The part of ajv's ErrorObject a problem has. */
export interface SchemaProblem {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Set when the problem is an object's key (propertyNames), not a value. */
  readonly propertyName?: string;
  readonly message?: string;
}

/** Keywords that only document. */
const PROSE = new Set(['title', 'description', 'sensitiveValue', 'id', '$comment']);
const KNOWN = new Set([
  ...PROSE,
  'type',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'maxProperties',
  'oneOf',
]);

const patterns = new Map<string, RegExp>();
const patternOf = (source: string): RegExp => {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source, 'u');
    patterns.set(source, pattern);
  }
  return pattern;
};

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      throw new Error(`schema-check: unknown type ${String(type)}`);
  }
}

type Schema = Readonly<Record<string, unknown>>;
const asSchema = (schema: unknown): Schema => {
  if (!isRecord(schema)) throw new Error('schema-check: a schema must be an object');
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`schema-check: unknown keyword ${key}`);
  return schema;
};

/** The first problem of `value` against `schema`, or undefined when it conforms. `at` is where the value is. */
export function schemaProblem(value: unknown, schema: unknown, at = ''): SchemaProblem | undefined {
  const s = asSchema(schema);
  const problem = (keyword: string, params: Record<string, unknown>, propertyName?: string): SchemaProblem =>
    propertyName === undefined
      ? { instancePath: at, keyword, params }
      : { instancePath: at, keyword, params, propertyName };

  if (Array.isArray(s.oneOf)) {
    const found = oneOfProblem(value, s.oneOf, at);
    if (found !== undefined) return found;
  }
  if (s.type !== undefined && !hasType(value, s.type)) return problem('type', { type: s.type });
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return problem('enum', { allowedValues: s.enum });
  if ('const' in s && value !== s.const) return problem('const', { allowedValue: s.const });

  if (typeof value === 'string') {
    // Lengths in code points, as ajv counts them; a string has at least as many UTF-16 units, at most twice as many,
    // so most strings are judged without counting (an imported file may be megabytes).
    const units = value.length;
    const length = (): number => [...value].length;
    if (typeof s.maxLength === 'number' && units > s.maxLength && length() > s.maxLength)
      return problem('maxLength', { limit: s.maxLength });
    if (typeof s.minLength === 'number' && units < 2 * s.minLength && length() < s.minLength)
      return problem('minLength', { limit: s.minLength });
    if (typeof s.pattern === 'string' && !patternOf(s.pattern).test(value))
      return problem('pattern', { pattern: s.pattern });
  }
  if (typeof value === 'number') {
    if (typeof s.maximum === 'number' && value > s.maximum) return problem('maximum', { limit: s.maximum });
    if (typeof s.minimum === 'number' && value < s.minimum) return problem('minimum', { limit: s.minimum });
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum)
      return problem('exclusiveMinimum', { limit: s.exclusiveMinimum });
  }
  if (Array.isArray(value)) {
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return problem('maxItems', { limit: s.maxItems });
    if (typeof s.minItems === 'number' && value.length < s.minItems) return problem('minItems', { limit: s.minItems });
    if (s.items !== undefined) {
      for (const [index, item] of value.entries()) {
        const found = schemaProblem(item, s.items, `${at}/${index}`);
        if (found !== undefined) return found;
      }
    }
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties)
      return problem('maxProperties', { limit: s.maxProperties });
    // As in ajv (and as JSON would carry it), a key whose value is undefined is absent.
    for (const key of Array.isArray(s.required) ? (s.required as unknown[]) : [])
      if (typeof key === 'string' && value[key] === undefined) return problem('required', { missingProperty: key });
    const properties = isRecord(s.properties) ? s.properties : {};
    for (const key of keys) {
      if (s.propertyNames !== undefined) {
        const found = schemaProblem(key, s.propertyNames, at);
        if (found !== undefined) return { ...found, instancePath: at, propertyName: key };
      }
      const declared = Object.hasOwn(properties, key) ? properties[key] : undefined;
      // Absent, as JSON would carry it (Firefox's structured clone keeps an undefined member); a map's value is checked.
      if (value[key] === undefined && (declared !== undefined || s.additionalProperties === false)) continue;
      const child = declared ?? (isRecord(s.additionalProperties) ? s.additionalProperties : undefined);
      if (child !== undefined) {
        const found = schemaProblem(value[key], child, `${at}/${escape(key)}`);
        if (found !== undefined) return found;
      } else if (s.additionalProperties === false) return problem('additionalProperties', { additionalProperty: key });
    }
  }
  return undefined;
}

/**
 * `oneOf`: exactly one branch conforms. When none does, the problem reported is that of the branch whose `const`
 * members the value has (a tagged union's branch for its `kind`), so the message names the field, not the union.
 */
function oneOfProblem(value: unknown, branches: readonly unknown[], at: string): SchemaProblem | undefined {
  const passing = branches.filter((branch) => schemaProblem(value, branch, at) === undefined).length;
  if (passing === 1) return undefined;
  if (passing === 0 && isRecord(value)) {
    const tagged = branches.find((branch) => {
      const properties = isRecord(branch) && isRecord(branch.properties) ? branch.properties : {};
      const tags = Object.entries(properties).filter(([, p]) => isRecord(p) && 'const' in p);
      return tags.length > 0 && tags.every(([key, p]) => isRecord(p) && value[key] === p.const);
    });
    if (tagged !== undefined) return schemaProblem(value, tagged, at);
  }
  return { instancePath: at, keyword: 'oneOf', params: { passingSchemas: passing } };
}

/** True when `value` conforms to `schema`. */
export function conforms(value: unknown, schema: unknown): boolean {
  return schemaProblem(value, schema) === undefined;
}
