/**
 * `audit/first-screen` `{ tabId, items }`: the first screen of that tab's audit, from the audit the background holds
 * (tab-audit-store.ts keeps what it wrote or read), so the popup draws before it has read the whole audit. The
 * display is computed once per audit object (audits are replaced, never changed, by each merge). A worker that does not
 * hold the audit (it was stopped and started again) answers with the first screen stored beside it (vendor heads only,
 * perhaps fewer items than asked: the popup reads the rest) rather than read megabytes first; it reads the audit only
 * when there is no stored copy. Extension pages only; it answers about the asked tab alone, null when that tab has no
 * audit.
 */
import {
  auditFirstScreen,
  displayAudit,
  firstScreenOf,
  type AuditDisplay,
  type TabAudit,
  type TabAuditStore,
} from '../audit';
import { handlerFor } from './message-router';

export interface FirstScreenDeps {
  readonly tabAudits: Pick<TabAuditStore, 'get' | 'held' | 'storedFirstScreen'>;
}

export function createAuditFirstScreenHandler(deps: FirstScreenDeps) {
  const displays = new WeakMap<TabAudit, AuditDisplay>();
  return handlerFor(auditFirstScreen, {
    from: ['extension-page'],
    async handle({ tabId, items }) {
      if (deps.tabAudits.held(tabId) === undefined) {
        const stored = await deps.tabAudits.storedFirstScreen(tabId);
        if (stored !== undefined) return stored;
      }
      const audit = await deps.tabAudits.get(tabId);
      if (audit === undefined || audit.tabId !== tabId) return null;
      let display = displays.get(audit);
      if (display === undefined) {
        display = displayAudit(audit);
        displays.set(audit, display);
      }
      return firstScreenOf(display, items);
    },
  });
}
