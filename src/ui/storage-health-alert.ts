/**
 * The alert the popup and the options page show while browser storage refuses Dashguard's writes (storage full, a
 * browser error): asked of the background when the page opens and every few seconds while it stays open, so it
 * appears and goes away by itself. Text only, through textContent.
 */
import type { SendMessage } from '../messaging';
import type { StorageHealth } from '../storage';
import { createMessageClient } from '../messaging';
import { describeStorageHealth, storageHealthGet, STORAGE_HEALTH_GET } from '../storage';

export type { SendMessage };

const POLL_MS = 3_000;

async function fetchHealth(send: SendMessage): Promise<StorageHealth | undefined> {
  try {
    return await createMessageClient(send, [storageHealthGet]).send(STORAGE_HEALTH_GET, null);
  } catch {
    return undefined;
  }
}

/** Fills `slot` (an element with role="alert") with the current storage problem, if any, and keeps it current. */
export function mountStorageHealthAlert(slot: HTMLElement, send: SendMessage): void {
  slot.setAttribute('role', 'alert');
  slot.dataset.dg = 'storage-alert';
  const refresh = async (): Promise<void> => {
    const health = await fetchHealth(send);
    // No answer (an older background, a worker starting): keep what is shown.
    if (health === undefined) return;
    const text = describeStorageHealth(health) ?? '';
    if (slot.textContent !== text) slot.textContent = text;
    slot.hidden = text === '';
  };
  slot.hidden = true;
  void refresh();
  setInterval(() => void refresh(), POLL_MS);
}
