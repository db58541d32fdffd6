/**
 * The settings shape, declared once, as JSON Schema. Everything else is derived from it:
 * - the TypeScript types (user-settings.ts, inferred by json-schema-to-ts: types only, nothing is bundled);
 * - the strict check of a settings file (schemas/settings.json, written from `settingsFileSchema()` at build time and
 *   compiled to a standalone ajv validator, with one definition per format version);
 * - the lenient reader of stored settings (settings-shape.ts), which checks each field, list item and map entry with
 *   the validators compiled from the same field schemas here, and drops only what fails, naming it;
 * - the limits the whole-settings validation applies (SETTINGS_LIMITS).
 * The schema's `description`s are the format's documentation (they are in schemas/settings.json).
 */
import { CATEGORY_IDS } from '../catalog';
import { MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../audit';

/**
 * Version of the stored and exported format. 2: custom vendor ids carry the `custom-` prefix, so a vendor the catalog
 * adds later can never take over a user's custom vendor (see settings-migrations.ts for 1 -> 2). 3: no rule names the
 * retired Cirrus CI dashboard (2 -> 3).
 */
export const SETTINGS_VERSION = 3;

/** How much settings may hold, so the rules stay within the browsers' quotas (and a file cannot flood storage). */
export const SETTINGS_LIMITS = {
  customVendors: 200,
  domainsPerVendor: 50,
  customDashboards: 100,
  sensitivePages: 200,
  dashboardVendorRules: 1_000,
  vendorRules: 5_000,
  nameLength: 80,
  vendorIdLength: 100,
  domainLength: 253,
  sensitivePageLength: 500,
} as const;

/** Vendor ids: kebab-case, as in the catalog (`6sense` starts with a digit). */
export const VENDOR_ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** Ids of custom vendors a person adds: never one the catalog can use. */
export const CUSTOM_VENDOR_ID_PATTERN = '^custom-[a-z0-9]+(-[a-z0-9]+)*$';

const decisionSchema = { description: '"allow" or "block".', enum: ['allow', 'block'] } as const;

const vendorIdSchema = {
  description: 'A vendor id: lower-case letters, digits and dashes.',
  type: 'string',
  pattern: VENDOR_ID_PATTERN,
  maxLength: SETTINGS_LIMITS.vendorIdLength,
} as const;

const nameSchema = { type: 'string', minLength: 1, maxLength: SETTINGS_LIMITS.nameLength } as const;

const domainSchema = {
  description: 'A domain name such as cdn.example.com (no https://, no path).',
  type: 'string',
  minLength: 1,
  maxLength: SETTINGS_LIMITS.domainLength,
} as const;

export const dashboardVendorRuleSchema = {
  description: '"Allow Intercom on gitlab.com only": a decision for one vendor on one dashboard.',
  type: 'object',
  additionalProperties: false,
  required: ['dashboard', 'vendorId', 'action'],
  properties: {
    dashboard: {
      description: 'A catalog dashboard id, or the host of a custom dashboard.',
      type: 'string',
      minLength: 1,
      maxLength: SETTINGS_LIMITS.domainLength,
    },
    vendorId: vendorIdSchema,
    action: decisionSchema,
  },
} as const;

const customVendorIdSchema = {
  description: '"custom-" followed by lower-case letters, digits and dashes.',
  type: 'string',
  pattern: CUSTOM_VENDOR_ID_PATTERN,
  maxLength: SETTINGS_LIMITS.vendorIdLength,
} as const;

const vendorEntrySchema = (id: typeof vendorIdSchema | typeof customVendorIdSchema) =>
  ({
    description: 'A vendor the catalog does not know, added by the user or by policy. Blocked unless allowed.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'domains'],
    properties: {
      id,
      name: nameSchema,
      domains: {
        type: 'array',
        minItems: 1,
        maxItems: SETTINGS_LIMITS.domainsPerVendor,
        items: domainSchema,
      },
    },
  }) as const;

export const customVendorSchema = vendorEntrySchema(customVendorIdSchema);

export const customDashboardSchema = {
  description: 'A self-hosted dashboard (Jenkins, GitLab, TeamCity, Concourse...).',
  type: 'object',
  additionalProperties: false,
  required: ['host', 'name'],
  properties: { host: domainSchema, name: nameSchema },
} as const;

/** Every settings field but `version`, in the order a file lists them. */
export const SETTINGS_FIELD_SCHEMAS = {
  vendorRules: {
    description: 'Your decision per vendor on every dashboard, by vendor id.',
    type: 'object',
    maxProperties: SETTINGS_LIMITS.vendorRules,
    propertyNames: vendorIdSchema,
    additionalProperties: decisionSchema,
  },
  categoryRules: {
    description: 'Your decision per category on every dashboard, by category id.',
    type: 'object',
    propertyNames: { enum: CATEGORY_IDS },
    additionalProperties: decisionSchema,
  },
  dashboardVendorRules: {
    description:
      'Decisions for one vendor on one dashboard (a dashboard id such as "gitlab", or the host of a self-hosted dashboard).',
    type: 'array',
    maxItems: SETTINGS_LIMITS.dashboardVendorRules,
    items: dashboardVendorRuleSchema,
  },
  customVendors: {
    description: 'Vendors Dashguard does not know, blocked on every dashboard unless allowed.',
    type: 'array',
    maxItems: SETTINGS_LIMITS.customVendors,
    items: customVendorSchema,
  },
  customDashboards: {
    description: 'Self-hosted dashboards (Jenkins, GitLab, TeamCity, Concourse...).',
    type: 'array',
    maxItems: SETTINGS_LIMITS.customDashboards,
    items: customDashboardSchema,
  },
  sensitivePages: {
    description:
      'Extra strict-mode pages, as URL filters anchored on a host: "||ci.example.com/credentials" ("*" matches anything).',
    type: 'array',
    maxItems: SETTINGS_LIMITS.sensitivePages,
    items: { type: 'string', pattern: '^\\|\\|[^|^\\s]+$', maxLength: SETTINGS_LIMITS.sensitivePageLength },
  },
  reportOnly: {
    description: 'true: block nothing, report what would be blocked (policy blocks still hold).',
    type: 'boolean',
  },
  auditRetentionDays: {
    description: `Days the audit log keeps what tried to load (${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS}; default 30). An organisation's policy value overrides it.`,
    type: 'integer',
    minimum: MIN_AUDIT_RETENTION_DAYS,
    maximum: MAX_AUDIT_RETENTION_DAYS,
  },
  keepFullAuditUrls: {
    description:
      "true: the audit keeps addresses whole, query values included (they can hold secrets). Default false: values and token-like path segments are redacted. An organisation's policy value overrides it.",
    type: 'boolean',
  },
} as const;

export type SettingsField = keyof typeof SETTINGS_FIELD_SCHEMAS;
export const SETTINGS_FIELD_NAMES = Object.keys(SETTINGS_FIELD_SCHEMAS) as SettingsField[];

/** The settings as stored and as the background sends them: the current version, every field present. */
export const userSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', ...SETTINGS_FIELD_NAMES],
  properties: { version: { const: SETTINGS_VERSION }, ...SETTINGS_FIELD_SCHEMAS },
} as const;

/**
 * What each earlier format version held: the fields it knew, and in version 1 a custom vendor's id could be any
 * vendor id (settings-migrations.ts renames them).
 */
const FIELDS_SINCE: Readonly<Record<SettingsField, number>> = {
  vendorRules: 1,
  categoryRules: 1,
  dashboardVendorRules: 1,
  customVendors: 1,
  customDashboards: 1,
  sensitivePages: 1,
  reportOnly: 1,
  auditRetentionDays: 2,
  keepFullAuditUrls: 3,
};

/**
 * schemas/settings.json: the format of a settings file (an export, or what storage.local keeps), every version this
 * build reads. Fields left out take their default. Written at build time (scripts/build-validators.ts); a unit test
 * fails when the file in the repository differs from this.
 */
export function settingsFileSchema(): Record<string, unknown> {
  const versions = Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1);
  const fieldDefs = Object.fromEntries(SETTINGS_FIELD_NAMES.map((field) => [field, SETTINGS_FIELD_SCHEMAS[field]]));
  const customVendorsV1 = {
    ...SETTINGS_FIELD_SCHEMAS.customVendors,
    items: vendorEntrySchema(vendorIdSchema),
  };
  const versionDef = (version: number) => ({
    type: 'object',
    additionalProperties: false,
    properties: {
      version: { const: version },
      ...Object.fromEntries(
        SETTINGS_FIELD_NAMES.filter((field) => FIELDS_SINCE[field] <= version).map((field) => [
          field,
          { $ref: `#/$defs/${field === 'customVendors' && version === 1 ? 'customVendorsV1' : field}` },
        ]),
      ),
    },
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://dashguard.dev/schemas/settings.json',
    title: 'Dashguard settings file',
    description:
      'The format of Dashguard\'s exported settings (and of what it keeps in storage.local). "version" says which format the rest follows; Dashguard reads every earlier version and migrates it. Fields left out take their default (nothing decided, nothing added, report-only off). Generated from src/settings/settings-schema.ts.',
    type: 'object',
    required: ['version'],
    properties: {
      version: {
        description: `Format version: ${versions.slice(0, -1).join(', ')} or ${SETTINGS_VERSION}.`,
        type: 'integer',
        minimum: 1,
      },
    },
    allOf: versions.map((version) => ({
      if: { required: ['version'], properties: { version: { const: version } } },
      then: { $ref: `#/$defs/v${version}` },
    })),
    $defs: {
      ...fieldDefs,
      customVendorsV1,
      ...Object.fromEntries(versions.map((version) => [`v${version}`, versionDef(version)])),
    },
  };
}
