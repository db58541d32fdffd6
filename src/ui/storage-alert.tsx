/** The storage alert of the popup and the options page (src/ui/storage-health-alert.ts keeps it current). */
import { useEffect, useRef } from 'preact/hooks';
import { mountStorageHealthAlert, type SendMessage } from './storage-health-alert';

export function StorageAlert({ send }: { readonly send: SendMessage }) {
  const slot = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (slot.current) mountStorageHealthAlert(slot.current, send);
  }, [send]);
  return <p id="storage-alert" class="storage-alert status-warn" hidden ref={slot} />;
}
