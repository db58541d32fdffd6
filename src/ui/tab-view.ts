/**
 * `popup/tab-view`: what the popup shows about the dashboard in its tab, answered by the background, which holds the
 * catalog, the settings and the policy. The popup bundles none of them (nor the domain-name library): it sends the
 * tab's address and the vendors its audit lists, and gets back, for each, the verdict on this dashboard and the one
 * change an "Allow here" / "Block here" click sends. Accepted from extension pages only.
 *   popup/tab-view  TabViewRequest -> TabView
 */
import type { SchemaType } from '../schema';
import { defineMessage } from '../messaging';
import { settingsChangeSchema } from '../settings';

export const POPUP_TAB_VIEW = 'popup/tab-view';

/** At most this many vendor ids in one request (the audit of one tab lists far fewer vendors). */
export const MAX_TAB_VIEW_VENDORS = 2_000;
const text = { type: 'string', maxLength: 4_096 } as const;

export const tabViewRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'vendorIds'],
  properties: {
    /** The address of the tab's top-level document. */
    url: text,
    /** Vendor ids the popup lists (seen by the audit, or named by the person). */
    vendorIds: { type: 'array', maxItems: MAX_TAB_VIEW_VENDORS, items: text },
    /** What the person typed to name another vendor: an id, a name, "Name (id)" or a domain. */
    find: text,
    /** Also send the names every vendor field may suggest (once per popup: they do not change with the page). */
    suggestions: { type: 'boolean' },
  },
} as const;

export type TabViewRequest = SchemaType<typeof tabViewRequestSchema>;

const nullable = <const S>(schema: S) => ({ oneOf: [{ type: 'null' }, schema] }) as const;
const string = { type: 'string' } as const;
const boolean = { type: 'boolean' } as const;

/** One vendor as the popup's row shows it: its state on this dashboard and what a click changes. */
export const tabViewVendorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'state', 'ruleHere', 'change'],
  properties: {
    id: string,
    name: string,
    /** What the rules do with it on this dashboard (tab pause and strict mode aside: shown apart). */
    state: { enum: ['block', 'allow'] },
    /** The person has a rule for it on this dashboard. */
    ruleHere: boolean,
    /** The change a click sends; null when the organisation decides it. */
    change: nullable(settingsChangeSchema),
  },
} as const;

export type TabViewVendor = SchemaType<typeof tabViewVendorSchema>;

export const tabViewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['dashboard', 'vendors', 'strictMode', 'strictModeOrigin', 'reportOnly', 'pauseRefusal', 'categoryLabels'],
  properties: {
    /** The dashboard the tab shows; null: not a dashboard Dashguard protects. */
    dashboard: nullable({
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name'],
      properties: { id: string, name: string },
    }),
    /** The vendors asked for, those with a rule on this dashboard, and the one found; unknown ids are left out. */
    vendors: { type: 'array', items: tabViewVendorSchema },
    /** The vendor `find` named, or why none. */
    found: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['ok', 'vendorId'],
          properties: { ok: { const: true }, vendorId: string },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['ok', 'error'],
          properties: { ok: { const: false }, error: string },
        },
      ],
    },
    /** "Name (id)" of every vendor, when asked. */
    suggestions: { type: 'array', items: string },
    /** The rules make this address a sensitive page: enforced, or report-only. null: not a sensitive page. */
    strictMode: nullable({
      type: 'object',
      additionalProperties: false,
      required: ['enforced'],
      properties: { enforced: boolean },
    }),
    /** The host permission strict mode needs on this page (asked for by "Allow access"). */
    strictModeOrigin: nullable(string),
    /** Report-only mode is on (the person's setting or the policy). */
    reportOnly: boolean,
    /** Why the organisation refuses a pause on this tab, or null. */
    pauseRefusal: nullable(string),
    /** Display names of the categories, by id (the audit's rows carry only the id). */
    categoryLabels: { type: 'object', additionalProperties: string },
  },
} as const;

export type TabView = SchemaType<typeof tabViewSchema>;

/** `popup/tab-view`: the request and the reply, each checked against its schema where it is received. */
export const popupTabView = defineMessage(POPUP_TAB_VIEW, tabViewRequestSchema, tabViewSchema);
