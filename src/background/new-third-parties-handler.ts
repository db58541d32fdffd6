/**
 * `new-third-parties/take` `{ dashboard, tabId }`: the popup asks which third parties are new on the dashboard it
 * shows, to mark them; from then on they count as seen (marked once), and the tab's badge says so at once.
 * Extension pages only.
 */
import type { AuditBadge, TabAuditStore, ThirdPartyHistoryStore } from '../audit';
import { newThirdPartiesTake } from '../audit';
import { handlerFor } from './message-router';

export interface NewThirdPartiesDeps {
  readonly history: Pick<ThirdPartyHistoryStore, 'take'>;
  readonly tabAudits: Pick<TabAuditStore, 'get'>;
  readonly badge: Pick<AuditBadge, 'show'>;
}

export function createNewThirdPartiesHandler(deps: NewThirdPartiesDeps) {
  return handlerFor(newThirdPartiesTake, {
    from: ['extension-page'],
    async handle({ dashboard, tabId }) {
      const keys = await deps.history.take(dashboard);
      const audit = await deps.tabAudits.get(tabId);
      // Awaited, so the reply means the badge already says it.
      if (audit !== undefined && audit.page?.dashboardId === dashboard) await deps.badge.show(audit, 0);
      return keys;
    },
  });
}
