/**
 * `audit/first-screen` FirstScreenRequest -> AuditDisplay | null (no audit): the first screen of a tab's audit
 * (audit-display.ts), from the audit the background holds; small however large the audit. Extension pages only, about
 * the asked tab alone. The request's schema gives its type and parser; the popup checks the reply by its schema.
 */
import type { SchemaType } from '../schema';
import { defineMessage, refine } from '../messaging';
import { auditDisplaySchema, groupShownSchema, type AuditDisplay } from './audit-display';
import { auditEntrySchema } from './audit-types';

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

/** A list of at most MAX_FIRST_SCREEN_ITEMS. */
const bounded = <const S>(items: S) => ({ type: 'array', maxItems: MAX_FIRST_SCREEN_ITEMS, items }) as const;

/** The reply (AuditDisplay), as the popup checks it: the display's schema, its lists bounded. */
export const firstScreenReplySchema = {
  ...auditDisplaySchema,
  properties: {
    ...auditDisplaySchema.properties,
    groups: bounded({
      ...groupShownSchema,
      properties: { ...groupShownSchema.properties, entries: bounded(auditEntrySchema) },
    }),
  },
} as const;

/**
 * `audit/first-screen`, declared once (src/messaging): the reply is null (the tab has no audit) or a first screen of
 * this schema, checked where the popup receives it and typed as the display it is cut from.
 */
export const auditFirstScreen = defineMessage(
  AUDIT_FIRST_SCREEN,
  firstScreenRequestSchema,
  refine<AuditDisplay | null>()({ oneOf: [{ type: 'null' }, firstScreenReplySchema] }),
);
