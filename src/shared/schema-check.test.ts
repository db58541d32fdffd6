import Ajv from 'ajv';
import { conforms, schemaProblem } from './schema-check';
import { SETTINGS_FIELDS, userSettingsSchema } from '../settings/settings-schema';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { settingsChangeSchema } from '../settings/settings-change';
import { changeReplySchema } from '../settings/settings-messages';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = {
  ...DEFAULT_SETTINGS,
  vendorRules: { intercom: 'allow', 'custom-beacon': 'block' },
  categoryRules: { analytics: 'allow' },
  dashboardVendorRules: [{ dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' }],
  customVendors: [{ id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example', 'cdn.beacon.example'] }],
  customDashboards: [{ host: 'ci.example.com', name: 'CI' }],
  sensitivePages: ['||ci.example.com/credentials'],
  reportOnly: true,
  auditRetentionDays: 365,
};

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
function mutate(value: unknown, random: () => number): unknown {
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

describe('schemaProblem', () => {
  const ajv = new Ajv({ strict: false });

  it.each([
    ['the stored settings', userSettingsSchema],
    ...Object.entries(SETTINGS_FIELDS).map(([field, schema]): [string, object] => [field, schema]),
  ])('agrees with ajv on %s, for valid values and a thousand mutations of them', (_name, schema) => {
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema)) as object);
    const random = generator(7);
    const field = Object.entries(SETTINGS_FIELDS).find(([, s]) => s === schema)?.[0];
    const start: unknown = field === undefined ? VALID : VALID[field as keyof typeof VALID];
    let refused = 0;
    let value = start;
    for (let i = 0; i < 1_000; i += 1) {
      value = random() < 0.3 ? start : mutate(value, random);
      const json: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value) ?? 'null');
      if (json === undefined) continue;
      const expected = validate(json);
      if (conforms(json, schema) !== expected) throw new Error(`disagrees with ajv on ${JSON.stringify(json)}`);
      if (!expected) refused += 1;
    }
    // Both verdicts were seen many times, so the agreement means something.
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(1_000);
    expect(conforms(start, schema)).toBe(true);
  });

  it('names where the problem is, in ajv form', () => {
    expect(
      schemaProblem({ ...VALID, customVendors: [{ id: 'custom-x', name: '', domains: ['a'] }] }, userSettingsSchema),
    ).toEqual({
      instancePath: '/customVendors/0/name',
      keyword: 'minLength',
      params: { limit: 1 },
    });
    expect(schemaProblem({ ...VALID, vendorRules: { 'Bad Id': 'allow' } }, userSettingsSchema)).toMatchObject({
      instancePath: '/vendorRules',
      keyword: 'pattern',
      propertyName: 'Bad Id',
    });
  });

  it.each([
    [
      'a settings change',
      settingsChangeSchema,
      { kind: 'set-dashboard-vendor', dashboard: 'gitlab', vendorId: 'x', action: null },
    ],
    ['a settings change', settingsChangeSchema, { kind: 'set-audit-retention', days: 30 }],
    ['a change reply', changeReplySchema, { applied: false, errors: [{ field: 'host', message: 'Not a host.' }] }],
    ['a change reply', changeReplySchema, { applied: true, settings: VALID, notes: ['renamed'] }],
  ])('agrees with ajv on oneOf (%s), for a valid value and a thousand mutations of it', (_name, schema, start) => {
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema)) as object);
    const random = generator(11);
    let refused = 0;
    let value: unknown = start;
    for (let i = 0; i < 1_000; i += 1) {
      value = random() < 0.3 ? start : mutate(value, random);
      const json: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value) ?? 'null');
      if (json === undefined) continue;
      const expected = validate(json);
      if (conforms(json, schema) !== expected) throw new Error(`disagrees with ajv on ${JSON.stringify(json)}`);
      if (!expected) refused += 1;
    }
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(1_000);
    expect(conforms(start, schema)).toBe(true);
  });

  it('oneOf: names the problem of the branch a tagged value chose, and refuses a value two branches accept', () => {
    expect(schemaProblem({ kind: 'reset', scope: 'some' }, settingsChangeSchema)).toMatchObject({
      instancePath: '/scope',
      keyword: 'enum',
    });
    expect(schemaProblem({ kind: 'nothing' }, settingsChangeSchema)).toMatchObject({ keyword: 'oneOf' });
    expect(schemaProblem(1, { oneOf: [{ type: 'integer' }, { type: 'number' }] })).toMatchObject({
      keyword: 'oneOf',
      params: { passingSchemas: 2 },
    });
  });

  it('takes a member whose value is undefined as absent, except in a map, whose values are checked', () => {
    const closed = { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } };
    expect(conforms({ a: undefined, b: undefined }, closed)).toBe(true);
    expect(conforms({ b: 1 }, closed)).toBe(false);
    expect(conforms({ x: undefined }, { type: 'object', additionalProperties: { type: 'string' } })).toBe(false);
  });

  it('throws on a keyword it does not implement, rather than pass what the schema forbids', () => {
    expect(() => schemaProblem('a', { type: 'string', format: 'email' })).toThrow(/unknown keyword format/);
  });
});
