/**
 * The one line the options page and the popup footer show while the organisation's policy sends reports: where they
 * go, that the organisation set it, when the last batch went and how many wait. Hidden when reporting is off.
 * Plain DOM in a slot the page gives, so either page (whatever renders the rest of it) can host it.
 */
import { FLEET_QUEUE_KEY, FLEET_STATE_KEY } from './fleet-storage-layout';
import { FLEET_STATUS_GET, fleetStatusGet, fleetStatusLine } from './fleet-status';
import { createMessageClient, type SendMessage } from '../messaging';

export interface StorageEvents {
  addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
}

const formatTime = (ms: number): string =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Fills `slot` (a `<p>`) with the line, and keeps it current as batches go and the policy changes. */
export function mountFleetStatusLine(slot: HTMLElement, send: SendMessage, storageEvents: StorageEvents): void {
  const client = createMessageClient(send, [fleetStatusGet]);
  slot.dataset.dg = 'fleet-status';
  slot.hidden = true;
  const show = async (): Promise<void> => {
    const status = await client.send(FLEET_STATUS_GET, null).catch(() => undefined);
    const line = status === undefined ? undefined : fleetStatusLine(status, formatTime);
    slot.textContent = line ?? '';
    slot.hidden = line === undefined;
  };
  void show().catch(() => undefined);
  storageEvents.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && (FLEET_QUEUE_KEY in changes || FLEET_STATE_KEY in changes)))
      void show().catch(() => undefined);
  });
}
