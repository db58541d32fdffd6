/**
 * The audit log of every tab: how long it is kept, export as JSON or CSV, delete (a second click confirms), what it
 * dropped to stay within its caps, and where the organisation's fleet reporting sends it.
 */
import { useEffect, useRef } from 'preact/hooks';

export interface LogFooterProps {
  readonly droppedText: string;
  readonly mountFleetStatus: (slot: HTMLElement) => void;
  readonly retentionDays: number | undefined;
  readonly status: string;
  readonly clearArmed: boolean;
  readonly onExport: (format: 'json' | 'csv') => void;
  readonly onClear: () => void;
}

export function LogFooter({
  droppedText,
  mountFleetStatus,
  retentionDays,
  status,
  clearArmed,
  onExport,
  onClear,
}: LogFooterProps) {
  // The fleet line keeps itself current (its own module, shared with the options page): mounted once.
  const fleet = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (fleet.current) mountFleetStatus(fleet.current);
  }, [mountFleetStatus]);
  return (
    <footer class="log" aria-labelledby="log-heading">
      <h2 id="log-heading" class="log-title">
        Audit log{' '}
        <span id="log-retention" class="muted">
          {retentionDays === undefined ? '' : `· kept ${retentionDays} day${retentionDays === 1 ? '' : 's'}, all tabs`}
        </span>
      </h2>
      <div class="log-buttons">
        <button type="button" id="export-json" onClick={() => onExport('json')}>
          Export JSON
        </button>
        <button type="button" id="export-csv" onClick={() => onExport('csv')}>
          Export CSV
        </button>
        <button type="button" id="clear-log" class={clearArmed ? 'danger' : ''} onClick={onClear}>
          {clearArmed ? 'Click again to delete' : 'Delete log'}
        </button>
      </div>
      <p id="log-status" class="log-status" role="status" aria-live="polite">
        {status}
      </p>
      <p id="log-dropped" class="log-status" hidden={droppedText === ''}>
        {droppedText}
      </p>
      <p id="fleet-status" class="log-status muted" hidden ref={fleet} />
    </footer>
  );
}
