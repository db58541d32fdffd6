/**
 * A small reader for Windows .reg files and Chrome's mapping of registry keys to policy values, so tests can check the
 * policy in docs/examples/policy/*.reg: a dictionary is a key, a list is a key whose values or subkeys are named
 * 1, 2, 3..., a boolean or integer is a DWORD, a string is REG_SZ. The schema tells which is which, as in Chrome.
 */
import type { SchemaShape } from '../../src/policy/schema-unknown-keys';

type RegValue = string | number;

export interface RegKey {
  readonly values: Map<string, RegValue>;
  readonly keys: Map<string, RegKey>;
}

const newKey = (): RegKey => ({ values: new Map(), keys: new Map() });

/** Every key of the file as a tree, from the hive down. Names compare case-insensitively, as in the registry. */
export function parseRegFile(text: string): RegKey {
  const root = newKey();
  let current: RegKey | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('Windows Registry Editor')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section?.[1] !== undefined) {
      current = section[1].split('\\').reduce((key, name) => {
        const lower = name.toLowerCase();
        const child = key.keys.get(lower) ?? newKey();
        key.keys.set(lower, child);
        return child;
      }, root);
      continue;
    }
    const entry = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$/.exec(line);
    if (entry === null || current === undefined) throw new Error(`cannot read .reg line: ${line}`);
    const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');
    const name = unescape(entry[1] ?? '').toLowerCase();
    current.values.set(name, entry[2] !== undefined ? unescape(entry[2]) : parseInt(entry[3] ?? '0', 16));
  }
  return root;
}

/** The key at a backslash path, or undefined. */
export function regKeyAt(root: RegKey, path: string): RegKey | undefined {
  return path.split('\\').reduce<RegKey | undefined>((key, name) => key?.keys.get(name.toLowerCase()), root);
}

function convertValue(value: RegValue, schema: SchemaShape): unknown {
  if (schema.type === 'boolean' && typeof value === 'number') return value !== 0;
  return value;
}

function convertKey(key: RegKey, schema: SchemaShape): unknown {
  if (schema.type === 'array') {
    const items = schema.items ?? {};
    const byIndex = new Map<number, unknown>();
    for (const [name, value] of key.values) byIndex.set(Number(name), convertValue(value, items));
    for (const [name, child] of key.keys) byIndex.set(Number(name), convertKey(child, items));
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
  }
  const result: Record<string, unknown> = {};
  const properties = schema.properties ?? {};
  // Registry names are case-insensitive: give each its schema spelling.
  const spelling = (name: string): string => Object.keys(properties).find((p) => p.toLowerCase() === name) ?? name;
  for (const [name, value] of key.values) {
    const property = spelling(name);
    result[property] = convertValue(value, properties[property] ?? {});
  }
  for (const [name, child] of key.keys) {
    const property = spelling(name);
    result[property] = convertKey(child, properties[property] ?? {});
  }
  return result;
}

/** The policy object Chrome reads from a registry key, typed by the schema. */
export function registryPolicy(key: RegKey, schema: SchemaShape): unknown {
  return convertKey(key, { ...schema, type: 'object' });
}
