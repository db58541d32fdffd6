/**
 * The subset of a declarativeNetRequest rule that Dashguard writes. Structurally compatible with Chrome's and
 * Firefox's rule objects; kept here so the build scripts and unit tests need no browser typings.
 */

/**
 * The resource types a tracker uses, as the audit names them. Vendor, allow and pause rules deliberately carry no
 * `resourceTypes`: both browsers then match every type but main_frame, so Dashguard never blocks a page itself and
 * covers types a list would miss (Firefox files navigator.sendBeacon under its own "beacon" type, which no
 * `resourceTypes` value matches there; also object, csp_report, webtransport).
 */
export const TRACKER_RESOURCE_TYPES = [
  'script',
  'xmlhttprequest',
  'ping',
  'image',
  'sub_frame',
  'websocket',
  'media',
  'font',
  'stylesheet',
  'other',
] as const;
export type ResourceType = (typeof TRACKER_RESOURCE_TYPES)[number] | 'main_frame';

export interface DnrCondition {
  requestDomains?: string[];
  initiatorDomains?: string[];
  excludedInitiatorDomains?: string[];
  /** Chrome 141+ only: the domain of the tab's top-level document. Firefox ignores the key and would block everywhere. */
  topDomains?: string[];
  excludedTopDomains?: string[];
  urlFilter?: string;
  resourceTypes?: ResourceType[];
  tabIds?: number[];
}

export interface DnrHeaderOperation {
  header: string;
  operation: 'append' | 'set' | 'remove';
  value?: string;
}

export type DnrAction =
  | { type: 'block' }
  | { type: 'allow' }
  | { type: 'allowAllRequests' }
  | { type: 'modifyHeaders'; responseHeaders: DnrHeaderOperation[] };

export interface DnrRule {
  id: number;
  priority: number;
  action: DnrAction;
  condition: DnrCondition;
}
