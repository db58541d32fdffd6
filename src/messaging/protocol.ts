/**
 * Every message a Dashguard page or content script sends the background: its type, the payload its handler receives
 * once parsed, and the reply. The background's handler map must hold exactly one handler per type, typed by this
 * map (`Handlers`), and a page's client gets the reply type from it (message-client.ts), so a request and its reply
 * are related by type, not by a string alone. Types only: importing this costs a bundle nothing.
 *
 * To add a message: its constant and parser in its feature, one line here, its handler in src/background/ and in
 * background.ts's map (the type checker refuses the map until it is there).
 */
import type { AuditLogExport, ParsedReport, AuditReport, AuditReportAck } from '../audit';
import type { AuditDisplay, FirstScreenRequest } from '../audit';
import type { FleetStatus } from '../fleet';
import type { PolicyStatus } from '../policy';
import type { SettingsChange, ChangeReply, SettingsView, TabPauseState } from '../settings';
import type { StorageHealth } from '../storage';
import type { Result } from '../shared';
import type { RuntimeCatalog } from '../catalog';
import type { TabView, TabViewRequest } from '../ui';
import type { FreshLoadReply, StrictModePagesReply } from '../strict-mode';

interface Message<Payload, Reply, Sent = Payload> {
  /** What the handler receives once its parser accepted the payload. */
  readonly payload: Payload;
  /** What the sender puts in the envelope (the payload before parsing). */
  readonly sent: Sent;
  readonly reply: Reply;
}

export interface Protocol {
  'policy/get': Message<null, PolicyStatus>;
  'settings/get': Message<null, SettingsView>;
  'settings/change': Message<SettingsChange, ChangeReply>;
  'tab-pause/get': Message<{ tabId: number }, TabPauseState>;
  'tab-pause/set': Message<{ tabId: number; paused: boolean }, TabPauseState>;
  'audit/report': Message<ParsedReport, AuditReportAck, AuditReport>;
  'audit/export-log': Message<null, AuditLogExport>;
  'audit/clear-log': Message<null, null>;
  'storage-health/get': Message<null, StorageHealth>;
  'strict-mode/pages': Message<null, StrictModePagesReply>;
  'strict-mode/fresh-load': Message<{ url: string }, FreshLoadReply>;
  'fleet/status': Message<null, FleetStatus>;
  'new-third-parties/take': Message<{ dashboard: string; tabId: number }, string[]>;
  'popup/tab-view': Message<TabViewRequest, TabView>;
  'audit/first-screen': Message<FirstScreenRequest, AuditDisplay | null>;
  'catalog/get': Message<null, RuntimeCatalog>;
  /** Test builds only (src/background/test-surface.ts): make storage writes fail, as a full disk would. */
  'test/fail-storage'?: Message<{ local: boolean; session: boolean }, { local: boolean; session: boolean }>;
  /** Test builds only: the fleet report queue's bounds, small enough for an end-to-end test to fill. */
  'test/fleet-queue-limits'?: Message<
    { maxEvents: number; maxBytes: number } | null,
    { maxEvents: number; maxBytes: number } | null
  >;
}

export type MessageType = keyof Protocol;
type Entry<K extends MessageType> = NonNullable<Protocol[K]>;
export type PayloadOf<K extends MessageType> = Entry<K>['payload'];
export type SentOf<K extends MessageType> = Entry<K>['sent'];
export type ReplyOf<K extends MessageType> = Entry<K>['reply'];
/** What the background answers to a message of type K: its reply, or a refusal naming why. */
export type ReplyEnvelope<K extends MessageType> = Result<ReplyOf<K>>;
