/**
 * The subset of a declarativeNetRequest rule that Dashguard writes. Structurally compatible with Chrome's and
 * Firefox's rule objects; kept here so the build scripts and unit tests need no browser typings.
 */

/** Every resource type a tracker uses. Never main_frame: Dashguard never blocks a page itself. */
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
