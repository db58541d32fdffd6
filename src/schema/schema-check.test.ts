import { conforms, schemaProblem } from './schema-check';
import { SETTINGS_FIELD_SCHEMAS, userSettingsSchema } from '../settings/settings-schema';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { settingsChangeSchema } from '../settings/settings-change';
import { changeReplySchema } from '../settings/settings-messages';
import { expectAgreementWithAjv } from '../../test/unit/schema-mutations';

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

describe('schemaProblem', () => {
  it.each([
    ['the stored settings', userSettingsSchema],
    ...Object.entries(SETTINGS_FIELD_SCHEMAS).map(([field, schema]): [string, object] => [field, schema]),
  ])('agrees with ajv on %s, for valid values and a thousand mutations of them', (_name, schema) => {
    const field = Object.entries(SETTINGS_FIELD_SCHEMAS).find(([, s]) => s === schema)?.[0];
    const start: unknown = field === undefined ? VALID : VALID[field as keyof typeof VALID];
    expectAgreementWithAjv(schema, start, 7);
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
    expectAgreementWithAjv(schema, start, 11);
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
