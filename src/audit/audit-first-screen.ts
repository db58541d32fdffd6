/**
 * `audit/first-screen`: the popup asks the background for the first screen of its tab's audit (summary, categories,
 * the first vendor groups in display order and their first rows: audit-display.ts), computed from the audit the
 * background holds in memory. A few kilobytes, however large the audit: the popup draws it in one task, then reads
 * the full audit for the rest. Accepted from extension pages only; the answer is about the asked tab alone.
 *   audit/first-screen  FirstScreenRequest -> AuditDisplay | null (the tab has no audit)
 * The request's shape is declared once, as a schema (its type inferred, the background's parser made from it); the
 * reply's schema is what the popup checks it against, and a unit test holds displayAudit's output to it.
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

const count = { type: 'integer', minimum: 0 } as const;
const text = { type: 'string' } as const;
const textOrNull = { oneOf: [{ type: 'string' }, { type: 'null' }] } as const;
const status = { enum: AUDIT_STATUSES } as const;

const vendorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'category', 'source'],
  properties: {
    id: textOrNull,
    name: text,
    category: { enum: [...CATEGORY_IDS, null] },
    source: { enum: ['curated', 'third-party-web', 'custom', null] },
  },
} as const;

const entrySchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'key',
    'url',
    'urlTruncated',
    'host',
    'path',
    'type',
    'vendor',
    'status',
    'reason',
    'outcomes',
    'integrity',
    'count',
    'firstSeen',
    'lastSeen',
    'inFrame',
  ],
  properties: {
    key: text,
    url: text,
    urlTruncated: { type: 'boolean' },
    host: text,
    path: text,
    type: { enum: AUDIT_RESOURCE_TYPES },
    vendor: vendorSchema,
    status,
    reason: text,
    outcomes: { type: 'object', propertyNames: { enum: OBSERVED_OUTCOMES }, additionalProperties: count },
    integrity: { enum: ['present', 'absent', 'mixed', null] },
    count,
    reportedByPage: { const: true },
    changedFrom: status,
    firstSeen: { type: 'number' },
    lastSeen: { type: 'number' },
    inFrame: { type: 'boolean' },
  },
} as const;

const groupSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'vendor', 'entries', 'rows', 'count', 'reason'],
  properties: {
    key: text,
    vendor: vendorSchema,
    entries: { type: 'array', maxItems: MAX_FIRST_SCREEN_ITEMS, items: entrySchema },
    rows: count,
    count,
    status,
    reason: text,
  },
} as const;

const pageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'host', 'timeOrigin', 'dashboardId', 'dashboardName'],
  properties: {
    url: text,
    host: text,
    timeOrigin: { type: 'number' },
    dashboardId: textOrNull,
    dashboardName: textOrNull,
  },
} as const;

export const firstScreenReplySchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'tabId',
    'page',
    'groups',
    'groupCount',
    'summary',
    'categories',
    'rows',
    'unlisted',
    'updatedAt',
    'complete',
  ],
  properties: {
    tabId: count,
    page: { oneOf: [{ type: 'null' }, pageSchema] },
    groups: { type: 'array', maxItems: MAX_FIRST_SCREEN_ITEMS, items: groupSchema },
    groupCount: count,
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['blocked', 'allowed', 'unknown', 'wouldBeBlocked'],
      properties: { blocked: count, allowed: count, unknown: count, wouldBeBlocked: count },
    },
    categories: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'blocked', 'allowed'],
        properties: { id: text, blocked: count, allowed: count },
      },
    },
    rows: count,
    unlisted: count,
    updatedAt: { type: 'number' },
    complete: { type: 'boolean' },
  },
} as const;

/** Checks the reply where the popup receives it: null (the tab has no audit), or a first screen of this schema. */
export function isAuditFirstScreen(value: unknown): value is AuditDisplay | null {
  return value === null || conforms(value, firstScreenReplySchema);
}
