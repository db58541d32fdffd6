/**
 * `audit/first-screen` `{ tabId, items }`: the first screen of that tab's audit, from the audit the background holds
 * (tab-audit-store.ts keeps what it wrote or read), so the popup draws before it has read the whole audit. The
 * display is computed once per audit object (audits are replaced, never changed, by each merge). Extension pages only;
 * it answers about the asked tab alone, null when that tab has no audit.
 */
import {
  AUDIT_FIRST_SCREEN,
  displayAudit,
  firstScreenOf,
  firstScreenRequestSchema,
  type AuditDisplay,
  type FirstScreenRequest,
  type TabAudit,
  type TabAuditStore,
} from '../audit';
import { payloadParser } from '../messaging';
import { defineHandler } from './message-router';

export const parseFirstScreenRequest = payloadParser(AUDIT_FIRST_SCREEN, firstScreenRequestSchema);

export interface FirstScreenDeps {
  readonly tabAudits: Pick<TabAuditStore, 'get'>;
}

export function createAuditFirstScreenHandler(deps: FirstScreenDeps) {
  const displays = new WeakMap<TabAudit, AuditDisplay>();
  return defineHandler<FirstScreenRequest, AuditDisplay | null>({
    from: ['extension-page'],
    parse: parseFirstScreenRequest,
    async handle({ tabId, items }) {
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
