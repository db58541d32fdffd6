/**
 * The protocol: every message a Dashguard page or content script sends the background, one entry a message, each the
 * type of its one declaration (message.ts: type, payload check, reply check), so what is sent, what the handler
 * receives and what comes back are all derived from it. The background's handler map must hold exactly one handler
 * per entry, built from that entry's declaration (src/background/message-router.ts `Handlers`, `handlerFor`); a page's
 * client is made only from declarations of this map (message-client.ts). Types only: importing this costs a bundle
 * nothing, and a page bundles the checks of the messages it sends alone.
 *
 * To add a message: its constant, schemas and `defineMessage` in its feature, one line here, its handler
 * (`handlerFor(declaration, ...)`) in src/background/ and in background.ts's map (the type checker refuses the map
 * until it is there).
 */
import type { auditClearLog, auditExportLog, auditFirstScreen, auditReport, newThirdPartiesTake } from '../audit';
import type { catalogGet } from '../catalog';
import type { fleetStatusGet } from '../fleet';
import type { policyGet } from '../policy';
import type { settingsChange, settingsGet, tabPauseGet, tabPauseSet } from '../settings';
import type { storageHealthGet } from '../storage';
import type { strictModeFreshLoad, strictModePages } from '../strict-mode';
import type { popupTabView } from '../ui';
import type { Guard, Message, ParsedByHandler } from './message';

interface QueueLimits {
  readonly maxEvents: number;
  readonly maxBytes: number;
}
interface StorageFailing {
  readonly local: boolean;
  readonly session: boolean;
}
interface ReportHold {
  readonly hold: boolean;
}

export interface Protocol {
  'policy/get': typeof policyGet;
  'settings/get': typeof settingsGet;
  'settings/change': typeof settingsChange;
  'tab-pause/get': typeof tabPauseGet;
  'tab-pause/set': typeof tabPauseSet;
  'audit/report': typeof auditReport;
  'audit/export-log': typeof auditExportLog;
  'audit/clear-log': typeof auditClearLog;
  'storage-health/get': typeof storageHealthGet;
  'strict-mode/pages': typeof strictModePages;
  'strict-mode/fresh-load': typeof strictModeFreshLoad;
  'fleet/status': typeof fleetStatusGet;
  'new-third-parties/take': typeof newThirdPartiesTake;
  'popup/tab-view': typeof popupTabView;
  'audit/first-screen': typeof auditFirstScreen;
  'catalog/get': typeof catalogGet;
  /** Test builds only (src/background/test-surface.ts): make storage writes fail, as a full disk would. */
  'test/fail-storage'?: Message<
    'test/fail-storage',
    ParsedByHandler<StorageFailing, StorageFailing>,
    Guard<StorageFailing>
  >;
  /** Test builds only: the fleet report queue's bounds, small enough for an end-to-end test to fill. */
  'test/fleet-queue-limits'?: Message<
    'test/fleet-queue-limits',
    ParsedByHandler<QueueLimits | null, QueueLimits | null>,
    Guard<QueueLimits | null>
  >;
  /** Test builds only: hold audit reports before they are stored, as a background slow to answer would. */
  'test/hold-audit-reports'?: Message<
    'test/hold-audit-reports',
    ParsedByHandler<ReportHold, ReportHold>,
    Guard<ReportHold>
  >;
}

export type MessageType = keyof Protocol;
/** The declaration of the message of type K. */
export type ProtocolEntry<K extends MessageType> = NonNullable<Protocol[K]>;
/** Any message of the protocol. */
export type ProtocolMessage = { [K in MessageType]: ProtocolEntry<K> }[MessageType];

/** Each entry is declared under its own type: `'settings/get': typeof tabPauseGet` does not compile. */
type Misfiled = { [K in MessageType]: ProtocolEntry<K>['type'] extends K ? never : K }[MessageType];
type Holds<T extends true> = T;
export type ProtocolKeysMatch = Holds<[Misfiled] extends [never] ? true : false>;
