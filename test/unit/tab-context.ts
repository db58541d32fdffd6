/** A tab on `url` with the test catalog, default settings and no policy, for the popup's tab-view tests. */
import { NO_POLICY } from '../../src/policy/managed-policy';
import { DEFAULT_SETTINGS } from '../../src/settings/user-settings';
import type { TabContext } from '../../src/ui/tab-view-model';
import { testCatalog } from './test-catalog';

const { catalog } = testCatalog();

export function tabOn(url: string, overrides: Partial<TabContext> = {}): TabContext {
  return { catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, url, ...overrides };
}
