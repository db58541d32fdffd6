/**
 * Where each content-script instance's reports come from (tab, frame, the tab's page), remembered from the reports
 * that carried them, so a report sent as its tab closes is filed under the right tab: Firefox gives such a report no
 * tab and no frame. An instance is a random id known only to its content script (the page cannot read it), and the
 * report must come from the same origin as before. Kept in memory, the most recent instances only: a background
 * started again since the instance's last report knows nothing of it, and that report is refused as before.
 */
import type { MessageSender } from './message-router';
import { rememberRecentEntry } from '../shared';

/** The sender as the handler uses it: always with its tab. */
export interface ReportSender extends MessageSender {
  readonly tab: { readonly id: number; readonly url?: string };
}

export interface ReportSenders {
  /** The sender with its tab, from the browser or, for a tab closing, from the instance's earlier reports. */
  resolve(instanceId: string, sender: MessageSender): ReportSender | undefined;
}

const originOf = (url: string | undefined): string | undefined => {
  if (url === undefined) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** Instances remembered at most; one per frame of every open dashboard page is far fewer. */
export const REMEMBERED_INSTANCES = 1_000;

export function createReportSenders(limit = REMEMBERED_INSTANCES): ReportSenders {
  // Insertion order is recency: an instance seen again moves to the end, the oldest goes first.
  const known = new Map<string, { readonly sender: ReportSender; readonly origin: string | undefined }>();
  return {
    resolve(instanceId, sender) {
      const tabId = sender.tab?.id;
      if (sender.tab !== undefined && typeof tabId === 'number' && tabId >= 0) {
        const withTab: ReportSender = { ...sender, tab: { ...sender.tab, id: tabId } };
        rememberRecentEntry(known, instanceId, { sender: withTab, origin: originOf(sender.url) }, limit);
        return withTab;
      }
      if (sender.tab !== undefined) return undefined;
      const before = known.get(instanceId);
      const origin = originOf(sender.url);
      if (before === undefined || origin === undefined || origin !== before.origin) return undefined;
      // The address the page has now (it may have routed in the app since), under the tab and frame it had.
      return { ...before.sender, ...(sender.url === undefined ? {} : { url: sender.url }) };
    },
  };
}
