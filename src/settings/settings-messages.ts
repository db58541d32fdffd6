/**
 * The settings API between the extension's pages and the background: message types, payloads and replies, and the
 * checks a page runs on a reply before it renders it. Accepted from extension pages only (never a content script).
 *   settings/get     null                  -> SettingsView
 *   settings/change  SettingsChange        -> ChangeReply
 *   tab-pause/get    { tabId }             -> TabPauseState
 *   tab-pause/set    { tabId, paused }     -> TabPauseState
 */
import type { Result } from '../shared';
import { conforms, isRecord } from '../shared';
import type { FieldError } from './settings-validation';
import type { UserSettings } from './user-settings';
import { userSettingsSchema } from './settings-schema';

export const SETTINGS_GET = 'settings/get';
export const SETTINGS_CHANGE = 'settings/change';
export const TAB_PAUSE_GET = 'tab-pause/get';
export const TAB_PAUSE_SET = 'tab-pause/set';

export interface SettingsView {
  readonly settings: UserSettings;
  /** What was wrong with the stored settings and was replaced by its default when they were read. */
  readonly problems: readonly string[];
}

export type ChangeReply =
  | { readonly applied: true; readonly settings: UserSettings; readonly notes: readonly string[] }
  | { readonly applied: false; readonly errors: readonly FieldError[] };

export interface TabPauseState {
  readonly tabId: number;
  readonly paused: boolean;
  /** False when the organisation switched tab pause off. */
  readonly allowed: boolean;
}

export function parseNull(payload: unknown): Result<null> {
  return payload === null || payload === undefined
    ? { ok: true, value: null }
    : { ok: false, error: 'this message takes no payload' };
}

const isTabId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function parseTabPauseGet(payload: unknown): Result<{ tabId: number }> {
  return isRecord(payload) && isTabId(payload.tabId)
    ? { ok: true, value: { tabId: payload.tabId } }
    : { ok: false, error: 'needs a "tabId"' };
}

export function parseTabPauseSet(payload: unknown): Result<{ tabId: number; paused: boolean }> {
  return isRecord(payload) && isTabId(payload.tabId) && typeof payload.paused === 'boolean'
    ? { ok: true, value: { tabId: payload.tabId, paused: payload.paused } }
    : { ok: false, error: 'needs a "tabId" and "paused": true or false' };
}

/**
 * Checks of replies, where a page receives them: the settings against the one settings schema (settings-schema.ts),
 * the current version with every field present.
 */
export function isUserSettings(value: unknown): value is UserSettings {
  return conforms(value, userSettingsSchema);
}

export function isSettingsView(value: unknown): value is SettingsView {
  return isRecord(value) && isUserSettings(value.settings) && Array.isArray(value.problems);
}

export function isChangeReply(value: unknown): value is ChangeReply {
  if (!isRecord(value)) return false;
  if (value.applied === true) return isUserSettings(value.settings) && Array.isArray(value.notes);
  return (
    value.applied === false &&
    Array.isArray(value.errors) &&
    value.errors.every((e) => isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string')
  );
}

export function isTabPauseState(value: unknown): value is TabPauseState {
  return (
    isRecord(value) && isTabId(value.tabId) && typeof value.paused === 'boolean' && typeof value.allowed === 'boolean'
  );
}
