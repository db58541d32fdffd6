// The settings feature's entry: what code outside src/settings/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { SETTINGS_KEY } from './settings-key';
export { settingsChangeSchema } from './settings-change';
export type { DecisionOrDefault, SettingsChange } from './settings-change';
export { NO_POLICY_STATUS, createSettingsClient } from './settings-client';
export type { SettingsClient } from './settings-client';
export { settingsFileName, settingsFileText } from './settings-export';
export {
  SETTINGS_CHANGE,
  SETTINGS_GET,
  TAB_PAUSE_GET,
  TAB_PAUSE_SET,
  settingsChange,
  settingsGet,
  tabPauseGet,
  tabPauseSet,
} from './settings-messages';
export type { ChangeReply, SettingsView, TabPauseState } from './settings-messages';
export { RULES_APPLIED_MARK, createSettingsService } from './settings-service';
export type { SettingsService } from './settings-service';
export { createSettingsStore } from './settings-store';
export { LIMITS, validateSettings } from './settings-validation';
export { DEFAULT_SETTINGS } from './user-settings';
export type { CustomDashboard, CustomVendor, DashboardVendorRule, UserSettings, VendorDecision } from './user-settings';
