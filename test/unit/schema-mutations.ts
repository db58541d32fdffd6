/**
 * Mutated values for testing a schema check against ajv: a deterministic generator and one-place mutations (a value
 * replaced by an odd one, a key added or removed, an item added), so a disagreement can be replayed.
 */
import Ajv from 'ajv';
import { conforms } from '../../src/schema/schema-check';
import { mulberry32 } from './seeded-random';

/** Values a mutation puts somewhere: wrong types, edge lengths and numbers, near-miss strings. */
const ODD: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  3650,
  3651,
  Number.NaN,
  '',
  'x'.repeat(81),
  'x'.repeat(254),
  'Custom-Beacon',
  'custom-',
  'allow',
  'maybe',
  'analytics',
  '||ci.example.com/a b',
  '😀'.repeat(80),
  true,
  [],
  {},
  [{}],
  { extra: 1 },
];

/** `value` with one random place changed: a value replaced, a key added or removed, an item added. */
export function mutate(value: unknown, random: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    const roll = random();
    if (roll < 0.2 || copy.length === 0) copy.push(pick(ODD));
    else if (roll < 0.3) copy.pop();
    else {
      const index = Math.floor(random() * copy.length);
      copy[index] = mutate(copy[index], random);
    }
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = { ...value };
    const keys = Object.keys(copy);
    const roll = random();
    if (roll < 0.1 || keys.length === 0) copy[pick(['extra', 'Analytics', 'custom-x', 'session-replay'])] = pick(ODD);
    else if (roll < 0.2) delete copy[pick(keys)];
    else {
      const key = pick(keys);
      copy[key] = mutate(copy[key], random);
    }
    return copy;
  }
  return random() < 0.8 ? pick(ODD) : value;
}

/**
 * Checks `check` (by default schema-check's `conforms`) against ajv on `start` and `rounds` mutations of it (JSON
 * round-tripped, as a message carries them); throws on the first disagreement. Returns how many ajv refused, so a
 * test can show both verdicts were seen.
 */
export function refusedAgreeingWithAjv(
  schema: unknown,
  start: unknown,
  seed: number,
  check: (value: unknown) => boolean = (value) => conforms(value, schema),
  rounds = 1_000,
): number {
  const validate = new Ajv({ strict: false }).compile(JSON.parse(JSON.stringify(schema)) as object);
  const random = mulberry32(seed);
  let refused = 0;
  let value = start;
  for (let i = 0; i < rounds; i += 1) {
    value = random() < 0.3 ? start : mutate(value, random);
    const json: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value) ?? 'null');
    if (json === undefined) continue;
    const expected = validate(json);
    if (check(json) !== expected) throw new Error(`disagrees with ajv on ${JSON.stringify(json)}`);
    if (!expected) refused += 1;
  }
  return refused;
}

/** `start` conforms, and schema-check agrees with ajv on it and a thousand mutations, both verdicts seen many times. */
export function expectAgreementWithAjv(schema: unknown, start: unknown, seed: number): void {
  const refused = refusedAgreeingWithAjv(schema, start, seed);
  expect(refused).toBeGreaterThan(100);
  expect(refused).toBeLessThan(1_000);
  expect(conforms(start, schema)).toBe(true);
}
