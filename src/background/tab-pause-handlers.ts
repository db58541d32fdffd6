/**
 * `tab-pause/get` and `tab-pause/set`: the popup's "pause on this tab". A pause is a session rule for that one tab
 * (computeRuleState turns the paused tab ids into it); it ends when the tab closes or the browser does. Refused, by
 * name, when the organisation switched tab pause off or locks Dashguard without allowing it. Extension pages only.
 */
import type { ManagedPolicy } from '../policy';
import type { PausedTabsStore } from '../rules';
import { tabPauseRefusal } from '../policy';
import { tabPauseGet, tabPauseSet } from '../settings';
import { handlerFor } from './message-router';

export interface TabPauseDeps {
  readonly store: PausedTabsStore;
  readonly loadPolicy: () => Promise<ManagedPolicy>;
  /** Puts the session rules in force; resolves false when the browser refused them. */
  readonly reconcile: () => Promise<boolean>;
}

export function createTabPauseGetHandler(deps: TabPauseDeps) {
  return handlerFor(tabPauseGet, {
    from: ['extension-page'],
    async handle({ tabId }) {
      const [paused, policy] = await Promise.all([deps.store.list(), deps.loadPolicy()]);
      return { tabId, paused: policy.allowTabPause && paused.includes(tabId), allowed: policy.allowTabPause };
    },
  });
}

export function createTabPauseSetHandler(deps: TabPauseDeps) {
  return handlerFor(tabPauseSet, {
    from: ['extension-page'],
    async handle({ tabId, paused }) {
      const policy = await deps.loadPolicy();
      const refusal = tabPauseRefusal(policy);
      if (paused && refusal !== undefined) throw new Error(refusal);
      const changed = await deps.store.set(tabId, paused);
      if (!(await deps.reconcile())) {
        if (changed) await deps.store.set(tabId, !paused);
        throw new Error('The browser refused the rule change; the tab is as it was.');
      }
      return { tabId, paused, allowed: policy.allowTabPause };
    },
  });
}
