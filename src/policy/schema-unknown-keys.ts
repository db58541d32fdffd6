/**
 * Finds the object keys a JSON schema does not declare. Chrome's managed_schema dialect forbids
 * `additionalProperties` on the top-level object (and Chrome strips unknown keys silently), so "unknown key" cannot
 * be a schema rule there: this walk, driven by the same schema file, finds them so the options page can name them.
 */
import { isRecord } from '../shared';

/** The part of a JSON schema node this walk reads. */
export interface SchemaShape {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaShape>>;
  readonly items?: SchemaShape;
  readonly additionalProperties?: unknown;
  readonly patternProperties?: unknown;
}

/** A path into a JSON value: object keys and array indexes. */
export type ValuePath = readonly (string | number)[];

/** Paths of every key in `value` that `schema` does not declare (where the schema declares a closed set of keys). */
export function unknownKeyPaths(value: unknown, schema: SchemaShape, path: ValuePath = []): ValuePath[] {
  if (Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items;
    return value.flatMap((item, index) => unknownKeyPaths(item, items, [...path, index]));
  }
  if (!isRecord(value) || schema.properties === undefined) return [];
  // A schema that accepts other keys by pattern or by default has no closed set to check against.
  if (schema.additionalProperties !== undefined || schema.patternProperties !== undefined) return [];
  const properties = schema.properties;
  return Object.keys(value).flatMap((key) => {
    const child = Object.hasOwn(properties, key) ? properties[key] : undefined;
    return child === undefined ? [[...path, key]] : unknownKeyPaths(value[key], child, [...path, key]);
  });
}

/** `/a/0/b` (ajv's instancePath) as a path. */
export function pointerToPath(pointer: string): ValuePath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/** A path as an administrator reads it: `allowedVendors[0].dashboards[1]`. */
export function formatPath(path: ValuePath): string {
  if (path.length === 0) return 'policy';
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const key = /^[A-Za-z_$][\w$]*$/.test(segment) ? segment : JSON.stringify(segment);
    return text === '' ? key : `${text}.${key}`;
  }, '');
}
