/**
 * "New on this dashboard": the popup marks each vendor group the tab's dashboard had not loaded in the last 30 days
 * (`data-new="true"` and a "new" flag on the group). Asked once per popup: from then on they count as seen, so a
 * third party is marked new once. Follows the list as it renders (it is built incrementally).
 */
import { NEW_THIRD_PARTIES_TAKE } from '../src/audit/third-party-history';

export interface NewMarks {
  /** The tab's dashboard is known (from its audit): asks for its new parties, once. */
  showFor(dashboardId: string | null, tabId: number): void;
}

export function mountNewMarks(root: HTMLElement, send: (message: unknown) => Promise<unknown>): NewMarks {
  let asked = false;
  let keys: ReadonlySet<string> = new Set();
  const apply = (): void => {
    for (const group of root.querySelectorAll<HTMLElement>('li.group[data-group]')) {
      if (!keys.has(group.dataset.group ?? '') || group.dataset.new === 'true') continue;
      group.dataset.new = 'true';
      const flag = root.ownerDocument.createElement('span');
      flag.className = 'flag status-warn';
      flag.dataset.flag = 'new';
      flag.title = 'This dashboard had not loaded this third party in the last 30 days.';
      flag.textContent = 'new';
      group.querySelector('.vendor-name')?.after(flag);
    }
  };
  new MutationObserver(() => {
    if (keys.size > 0) apply();
  }).observe(root, { childList: true, subtree: true });
  return {
    showFor(dashboardId, tabId) {
      if (asked || dashboardId === null) return;
      asked = true;
      void send({ type: NEW_THIRD_PARTIES_TAKE, payload: { dashboard: dashboardId, tabId } })
        .then((reply) => {
          const value =
            typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === true && 'value' in reply
              ? reply.value
              : undefined;
          if (Array.isArray(value)) keys = new Set(value.filter((key): key is string => typeof key === 'string'));
          root.dataset.newChecked = String(keys.size);
          apply();
        })
        .catch(() => undefined);
    },
  };
}
