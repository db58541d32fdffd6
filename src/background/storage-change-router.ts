/**
 * The background's storage.onChanged listener: tells each component the change that concerns it. The audit's own
 * log writes (storage.local) are not a change of the audit's inputs, so they do not rebuild its classifier.
 */
import { AUDIT_LOG_CHUNK_PREFIX, AUDIT_LOG_META_KEY } from '../audit';
import { SETTINGS_KEY } from '../settings';
import { PAUSED_TABS_KEY } from '../rules';

export interface StorageChange {
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
}

export type StorageChangeListener = (changes: Readonly<Record<string, StorageChange>>, areaName: string) => void;

export interface StorageChangeRoutes {
  /** The settings, the policy or the pauses may have changed: what the audit explains requests with. */
  readonly auditInputsChanged: () => void;
  readonly settingsChanged: (before: unknown, after: unknown) => void;
  readonly pausedTabsChanged: (before: unknown, after: unknown) => void;
  /** The organisation's policy (storage.managed) changed while the browser runs. */
  readonly policyChanged: () => void;
}

const auditOwn = (key: string): boolean => key === AUDIT_LOG_META_KEY || key.startsWith(AUDIT_LOG_CHUNK_PREFIX);

export function routeStorageChanges(routes: StorageChangeRoutes): StorageChangeListener {
  return (changes, areaName) => {
    if (
      areaName === 'managed' ||
      (areaName === 'local' && Object.keys(changes).some((key) => !auditOwn(key))) ||
      (areaName === 'session' && PAUSED_TABS_KEY in changes)
    ) {
      routes.auditInputsChanged();
    }
    if (areaName === 'local' && SETTINGS_KEY in changes)
      routes.settingsChanged(changes[SETTINGS_KEY]?.oldValue, changes[SETTINGS_KEY]?.newValue);
    if (areaName === 'session' && PAUSED_TABS_KEY in changes)
      routes.pausedTabsChanged(changes[PAUSED_TABS_KEY]?.oldValue, changes[PAUSED_TABS_KEY]?.newValue);
    if (areaName === 'managed') routes.policyChanged();
  };
}
