/**
 * The options page's copy of the settings and the policy, and the one way it changes them: a change goes to the
 * background, and the page shows what the background answers (the saved settings), never its own guess. A change
 * made elsewhere (the popup, another options tab) arrives through storage.onChanged and is read again, so every open
 * page converges to the last change.
 */
import type { PolicyStatus } from '../src/policy/policy-status';
import type { SettingsChange } from '../src/settings/settings-change';
import type { SettingsClient } from '../src/settings/settings-client';
import type { ChangeReply } from '../src/settings/settings-messages';
import type { UserSettings } from '../src/settings/user-settings';

export interface OptionsState {
  readonly settings: UserSettings;
  readonly policy: PolicyStatus;
  /** Problems found reading the stored settings. */
  readonly problems: readonly string[];
}

export interface OptionsStore {
  state(): OptionsState;
  /** Reads settings and policy again and tells the subscribers. */
  refresh(): Promise<void>;
  apply(change: SettingsChange): Promise<ChangeReply>;
  subscribe(listener: (state: OptionsState) => void): void;
}

export async function createOptionsStore(client: SettingsClient): Promise<OptionsStore> {
  const read = async (): Promise<OptionsState> => {
    const [view, policy] = await Promise.all([client.get(), client.policy()]);
    return { settings: view.settings, policy, problems: view.problems };
  };
  let current = await read();
  const listeners: ((state: OptionsState) => void)[] = [];
  const publish = (): void => {
    for (const listener of listeners) listener(current);
  };
  return {
    state: () => current,
    async refresh() {
      current = await read();
      publish();
    },
    async apply(change) {
      const reply = await client.change(change);
      if (reply.applied) {
        current = { ...current, settings: reply.settings, problems: [] };
        publish();
      }
      return reply;
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}
