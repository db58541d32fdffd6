/**
 * The changes a page can ask for (`settings/change`). A change is an operation, not a whole new settings object: the
 * background applies it to the settings as they are when it arrives, so the popup and the options page changing
 * things at the same time never undo each other's edits, and the last change to one setting wins.
 */
import { CATEGORY_IDS } from '../catalog';
import type { SchemaType } from '../schema';
import { MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../audit';

/** Longest settings file accepted: far above any real one, small enough to parse at once. */
export const MAX_IMPORT_CHARS = 2_000_000;
/** Longest text field of a change (a vendor's domains as typed, a page filter...). */
const MAX_FIELD_CHARS = 10_000;

const text = (maxLength = MAX_FIELD_CHARS) => ({ type: 'string', maxLength }) as const;
/** `null` removes the person's decision: back to the default (or the category's). */
const action = { enum: ['allow', 'block', null] } as const;
const vendorId = text(200);

/** One kind of change: its `kind` and its fields, all required, nothing else. */
const change = <const K extends string, const P extends Readonly<Record<string, unknown>>>(kind: K, properties: P) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['kind', ...(Object.keys(properties) as (keyof P & string)[])],
    properties: { kind: { const: kind }, ...properties },
  }) as const;

/** Every change, by kind. The meaning (does the vendor exist...) is checked when it is applied. */
export const settingsChangeSchema = {
  oneOf: [
    change('set-vendor', { vendorId, action }),
    change('set-category', { category: { enum: CATEGORY_IDS }, action }),
    change('set-dashboard-vendor', { dashboard: text(300), vendorId, action }),
    /** `domains` as typed: separated by commas, spaces or new lines. */
    change('add-custom-vendor', { name: text(), domains: text() }),
    change('remove-custom-vendor', { id: vendorId }),
    change('add-custom-dashboard', { host: text(), name: text() }),
    change('remove-custom-dashboard', { host: text(300) }),
    change('add-sensitive-page', { pattern: text() }),
    change('remove-sensitive-page', { pattern: text() }),
    change('set-report-only', { value: { type: 'boolean' } }),
    /** Days the audit log keeps its records. */
    change('set-audit-retention', {
      days: { type: 'integer', minimum: MIN_AUDIT_RETENTION_DAYS, maximum: MAX_AUDIT_RETENTION_DAYS },
    }),
    /** Keep audited addresses whole instead of redacted (a policy value overrides it). */
    change('set-keep-full-audit-urls', { value: { type: 'boolean' } }),
    /** `choices`: every block/allow decision and report-only; `all`: also custom vendors, dashboards and pages. */
    change('reset', { scope: { enum: ['choices', 'all'] } }),
    /** The text of a settings file (see settings-file.ts). */
    change('import', { text: text(MAX_IMPORT_CHARS) }),
  ],
} as const;

export type SettingsChange = SchemaType<typeof settingsChangeSchema>;
export type SettingsChangeKind = SettingsChange['kind'];
export type DecisionOrDefault = SchemaType<typeof action>;
