/**
 * `audit/first-screen` FirstScreenRequest -> AuditDisplay | null (no audit): the first screen of a tab's audit
 * (audit-display.ts), from the audit the background holds; small however large the audit. Extension pages only, about
 * the asked tab alone. The request's schema gives its type and parser; the popup checks the reply by its schema.
 */
import { CATEGORY_IDS } from '../catalog';
import { conforms, type SchemaType } from '../shared';
import type { AuditDisplay } from './audit-display';
import { AUDIT_RESOURCE_TYPES, AUDIT_STATUSES, OBSERVED_OUTCOMES } from './audit-types';

export const AUDIT_FIRST_SCREEN = 'audit/first-screen';

/** At most this many list items in one first screen (the popup draws 60). */
export const MAX_FIRST_SCREEN_ITEMS = 500;

export const firstScreenRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tabId', 'items'],
  properties: {
    tabId: { type: 'integer', minimum: 0 },
    /** List items the first draw holds: vendor groups first, then request rows. */
    items: { type: 'integer', minimum: 1, maximum: MAX_FIRST_SCREEN_ITEMS },
  },
} as const;

export type FirstScreenRequest = SchemaType<typeof firstScreenRequestSchema>;

/** An object with exactly these members, each required but those named optional. */
const exactly = (properties: Readonly<Record<string, unknown>>, optional: readonly string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
});
const count = { type: 'integer', minimum: 0 };
const number = { type: 'number' };
const flag = { type: 'boolean' };
const text = { type: 'string' };
const textOrNull = { oneOf: [text, { type: 'null' }] };
const status = { enum: AUDIT_STATUSES };
const vendor = exactly({
  id: textOrNull,
  name: text,
  category: { enum: [...CATEGORY_IDS, null] },
  source: { enum: ['curated', 'third-party-web', 'custom', null] },
});
const entry = exactly(
  {
    key: text,
    url: text,
    urlTruncated: flag,
    host: text,
    path: text,
    type: { enum: AUDIT_RESOURCE_TYPES },
    vendor,
    status,
    reason: text,
    outcomes: { type: 'object', propertyNames: { enum: OBSERVED_OUTCOMES }, additionalProperties: count },
    integrity: { enum: ['present', 'absent', 'mixed', null] },
    count,
    reportedByPage: { const: true },
    changedFrom: status,
    firstSeen: number,
    lastSeen: number,
    inFrame: flag,
  },
  ['reportedByPage', 'changedFrom'],
);
const list = (items: unknown) => ({ type: 'array', maxItems: MAX_FIRST_SCREEN_ITEMS, items });

/** The reply (AuditDisplay), as the popup checks it. */
export const firstScreenReplySchema = exactly({
  tabId: count,
  page: {
    oneOf: [
      { type: 'null' },
      exactly({ url: text, host: text, timeOrigin: number, dashboardId: textOrNull, dashboardName: textOrNull }),
    ],
  },
  groups: list(
    exactly({ key: text, vendor, entries: list(entry), rows: count, count, status, reason: text }, ['status']),
  ),
  groupCount: count,
  summary: exactly({ blocked: count, allowed: count, unknown: count, wouldBeBlocked: count }),
  categories: { type: 'array', items: exactly({ id: text, blocked: count, allowed: count }) },
  rows: count,
  unlisted: count,
  updatedAt: number,
  complete: flag,
});

/** Checks the reply where the popup receives it: null (the tab has no audit), or a first screen of this schema. */
export function isAuditFirstScreen(value: unknown): value is AuditDisplay | null {
  return value === null || conforms(value, firstScreenReplySchema);
}
