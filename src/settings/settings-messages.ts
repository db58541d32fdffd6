/**
 * The settings API between the extension's pages and the background: message types, payloads and replies, and the
 * checks a page runs on a reply before it renders it. Accepted from extension pages only (never a content script).
 *   settings/get     null                  -> SettingsView
 *   settings/change  SettingsChange        -> ChangeReply
 *   tab-pause/get    { tabId }             -> TabPauseState
 *   tab-pause/set    { tabId, paused }     -> TabPauseState
 */
import type { FieldError } from './settings-validation';
import type { UserSettings } from './user-settings';
import { userSettingsSchema } from './settings-schema';
import type { SchemaType } from '../schema';
import { NO_PAYLOAD, defineMessage, refine } from '../messaging';
import { settingsChangeSchema } from './settings-change';

export const SETTINGS_GET = 'settings/get';
export const SETTINGS_CHANGE = 'settings/change';
export const TAB_PAUSE_GET = 'tab-pause/get';
export const TAB_PAUSE_SET = 'tab-pause/set';

const strings = { type: 'array', items: { type: 'string' } } as const;

export const settingsViewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['settings', 'problems'],
  properties: {
    settings: userSettingsSchema,
    /** What was wrong with the stored settings and was replaced by its default when they were read. */
    problems: strings,
  },
} as const;

/** The settings' own type (its category keys narrowed) in place of the schema's. */
export type SettingsView = Omit<SchemaType<typeof settingsViewSchema>, 'settings'> & {
  readonly settings: UserSettings;
};

const fieldErrors = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'message'],
    properties: { field: { type: 'string' }, message: { type: 'string' } },
  },
} as const;

export const changeReplySchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['applied', 'settings', 'notes'],
      properties: { applied: { const: true }, settings: userSettingsSchema, notes: strings },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['applied', 'errors'],
      properties: { applied: { const: false }, errors: fieldErrors },
    },
  ],
} as const;

export type ChangeReply =
  | (Omit<Extract<SchemaType<typeof changeReplySchema>, { applied: true }>, 'settings'> & {
      readonly settings: UserSettings;
    })
  | (Extract<SchemaType<typeof changeReplySchema>, { applied: false }> & { readonly errors: readonly FieldError[] });

const tabId = { type: 'integer', minimum: 0 } as const;

export const tabPauseGetSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tabId'],
  properties: { tabId },
} as const;

export const tabPauseSetSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tabId', 'paused'],
  properties: { tabId, paused: { type: 'boolean' } },
} as const;

export const tabPauseStateSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tabId', 'paused', 'allowed'],
  properties: {
    tabId,
    paused: { type: 'boolean' },
    /** False when the organisation switched tab pause off. */
    allowed: { type: 'boolean' },
  },
} as const;

export type TabPauseState = SchemaType<typeof tabPauseStateSchema>;

/**
 * The messages, each declared once: the background's payload parsers and a page's reply checks are made from these
 * (src/messaging). The settings are checked against the one settings schema (settings-schema.ts): the current version
 * with every field present; their category keys typed as the category ids that schema's `propertyNames` allows.
 */
export const settingsGet = defineMessage(SETTINGS_GET, NO_PAYLOAD, refine<SettingsView>()(settingsViewSchema));
/** A refusal names the change's kind and the field (`set-audit-retention: days: must be 1 or more`). */
export const settingsChange = defineMessage(
  SETTINGS_CHANGE,
  settingsChangeSchema,
  refine<ChangeReply>()(changeReplySchema),
  { tag: 'kind', noun: 'settings change' },
);
export const tabPauseGet = defineMessage(TAB_PAUSE_GET, tabPauseGetSchema, tabPauseStateSchema);
export const tabPauseSet = defineMessage(TAB_PAUSE_SET, tabPauseSetSchema, tabPauseStateSchema);
