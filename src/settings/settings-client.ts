/**
 * The settings API as the extension's pages call it (popup, options page): typed methods over runtime messages,
 * every reply checked before it is used. `send` is `runtime.sendMessage` in the pages and a fake in unit tests.
 */
import type { Reply } from '../shared/messages';
import { POLICY_GET, isPolicyStatus, type PolicyStatus } from '../policy/policy-status';
import { NO_POLICY } from '../policy/managed-policy';
import type { SettingsChange } from './settings-change';
import {
  SETTINGS_CHANGE,
  SETTINGS_GET,
  TAB_PAUSE_GET,
  TAB_PAUSE_SET,
  isChangeReply,
  isSettingsView,
  isTabPauseState,
  type ChangeReply,
  type SettingsView,
  type TabPauseState,
} from './settings-messages';

export type SendMessage = (message: { type: string; payload: unknown }) => Promise<unknown>;

export interface SettingsClient {
  get(): Promise<SettingsView>;
  change(change: SettingsChange): Promise<ChangeReply>;
  /** The organisation's policy; no policy when the background does not answer this message. */
  policy(): Promise<PolicyStatus>;
  tabPause(tabId: number): Promise<TabPauseState>;
  setTabPause(tabId: number, paused: boolean): Promise<TabPauseState>;
}

export const NO_POLICY_STATUS: PolicyStatus = { policy: NO_POLICY, warnings: [], source: 'none', managed: false };

async function call<T>(send: SendMessage, type: string, payload: unknown, check: (value: unknown) => value is T): Promise<T> {
  const reply = (await send({ type, payload })) as Reply<unknown> | undefined;
  if (reply === undefined || typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new Error(`No answer from Dashguard's background to ${type}.`);
  if (!reply.ok) throw new Error(reply.error);
  if (!check(reply.value)) throw new Error(`Unexpected answer from Dashguard's background to ${type}.`);
  return reply.value;
}

export function createSettingsClient(send: SendMessage): SettingsClient {
  return {
    get: () => call(send, SETTINGS_GET, null, isSettingsView),
    change: (change) => call(send, SETTINGS_CHANGE, change, isChangeReply),
    async policy() {
      try {
        return await call(send, POLICY_GET, null, isPolicyStatus);
      } catch {
        // The page still works without policy information: the rule state enforces the policy regardless.
        return NO_POLICY_STATUS;
      }
    },
    tabPause: (tabId) => call(send, TAB_PAUSE_GET, { tabId }, isTabPauseState),
    setTabPause: (tabId, paused) => call(send, TAB_PAUSE_SET, { tabId, paused }, isTabPauseState),
  };
}
