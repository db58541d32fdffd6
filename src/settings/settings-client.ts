/**
 * The settings API as the extension's pages call it (popup, options page): typed methods over runtime messages,
 * every reply checked before it is used. `send` is `runtime.sendMessage` in the pages and a fake in unit tests.
 */
import type { SendMessage } from '../messaging';
import type { PolicyStatus } from '../policy';
import { createMessageClient } from '../messaging';
import { POLICY_GET, policyGet, NO_POLICY } from '../policy';
import type { SettingsChange } from './settings-change';
import {
  SETTINGS_CHANGE,
  SETTINGS_GET,
  TAB_PAUSE_GET,
  TAB_PAUSE_SET,
  settingsChange,
  settingsGet,
  tabPauseGet,
  tabPauseSet,
  type ChangeReply,
  type SettingsView,
  type TabPauseState,
} from './settings-messages';

export type { SendMessage };

export interface SettingsClient {
  get(): Promise<SettingsView>;
  change(change: SettingsChange): Promise<ChangeReply>;
  /** The organisation's policy; no policy when the background does not answer this message. */
  policy(): Promise<PolicyStatus>;
  tabPause(tabId: number): Promise<TabPauseState>;
  setTabPause(tabId: number, paused: boolean): Promise<TabPauseState>;
}

export const NO_POLICY_STATUS: PolicyStatus = { policy: NO_POLICY, warnings: [], source: 'none', managed: false };

export function createSettingsClient(send: SendMessage): SettingsClient {
  const client = createMessageClient(send, [settingsGet, settingsChange, policyGet, tabPauseGet, tabPauseSet]);
  return {
    get: () => client.send(SETTINGS_GET, null),
    change: (change) => client.send(SETTINGS_CHANGE, change),
    async policy() {
      try {
        return await client.send(POLICY_GET, null);
      } catch {
        // The page still works without policy information: the rule state enforces the policy regardless.
        return NO_POLICY_STATUS;
      }
    },
    tabPause: (tabId) => client.send(TAB_PAUSE_GET, { tabId }),
    setTabPause: (tabId, paused) => client.send(TAB_PAUSE_SET, { tabId, paused }),
  };
}
