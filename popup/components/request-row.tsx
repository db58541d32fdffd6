/**
 * One request of a vendor: type, host and path, status, flags (no SRI, loaded anyway, failed, frame) and count; it
 * unfolds into the reason, the full URL, what the page saw and when. Test contract: the row is `li.entry` with
 * `data-vendor`, `data-status` and `data-url`. Everything from the page is text (JSX sets text and attributes,
 * never markup).
 */
import type { AuditEntry } from '../../src/audit';
import { memo } from '../../src/ui';
import { entryFindings } from '../../src/audit';
import { useState } from 'preact/hooks';
import { mainOutcome, outcomesText, shortPath, timeText, typeLabel } from '../entry-format';
import { StatusPill } from './status-pill';

export interface RequestRowProps {
  readonly entry: AuditEntry;
  readonly hidden: boolean;
  readonly now: () => number;
}

function Flags({ entry }: { readonly entry: AuditEntry }) {
  const findings = entryFindings(entry);
  return (
    <span class="flags">
      {findings.noSri && (
        <span
          class="flag status-warn"
          data-flag="no-sri"
          title="This script was allowed and its element carried no integrity attribute (Subresource Integrity)."
        >
          no SRI
        </span>
      )}
      {findings.loadedAnyway && (
        <span
          class="flag status-warn"
          data-flag="loaded-anyway"
          title="The rules block this, yet the page saw it load."
        >
          loaded anyway
        </span>
      )}
      {findings.failed && (
        <span class="flag muted" data-flag="failed" title="Allowed, but it failed to load.">
          failed
        </span>
      )}
      {entry.reportedByPage === true && (
        <span
          class="flag status-warn"
          data-flag="by-page"
          title="Reported by the page itself (a WebSocket it says it opened): the page could have made this up. The status is still what the rules do with the address."
        >
          reported by the page
        </span>
      )}
      {entry.changedFrom !== undefined && (
        <span
          class="flag status-warn"
          data-flag="verdict-changed"
          title={`First judged "${entry.changedFrom}" with the settings at hand, before your organisation's policy was read; this is the verdict under that policy.`}
        >
          verdict changed
        </span>
      )}
      {entry.inFrame && (
        <span class="flag muted" data-flag="frame" title="Requested by a frame of the page.">
          frame
        </span>
      )}
    </span>
  );
}

function RowDetails({ entry, now }: { readonly entry: AuditEntry; readonly now: () => number }) {
  const time = now();
  return (
    <div class="entry-details">
      <p class="reason">{entry.reason}</p>
      <dl>
        <dt>URL</dt>
        <dd>
          <code class="url">{entry.url}</code>
          {entry.urlTruncated && <span class="muted">{` (cut at ${entry.url.length} characters)`}</span>}
        </dd>
        <dt>Seen</dt>
        <dd>{outcomesText(entry)}</dd>
        <dt>When</dt>
        <dd>
          {entry.firstSeen === entry.lastSeen
            ? timeText(entry.firstSeen, time)
            : `${timeText(entry.firstSeen, time)} to ${timeText(entry.lastSeen, time)}`}
        </dd>
      </dl>
    </div>
  );
}

function RequestRowView({ entry, hidden, now }: RequestRowProps) {
  // The unfolded part is built when first opened: most rows never are.
  const [open, setOpen] = useState(false);
  return (
    <li
      class="entry"
      hidden={hidden}
      data-vendor={entry.vendor.id ?? 'unknown'}
      data-status={entry.status}
      data-url={entry.url}
      data-type={entry.type}
      data-sri={entry.integrity ?? 'n/a'}
      data-observed={mainOutcome(entry)}
      data-count={String(entry.count)}
    >
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary class="entry-summary" title={entry.url}>
          <span class="type">{typeLabel(entry.type)}</span>
          <span class="where">
            <span class="host">{entry.host}</span>
            <span class="path">{shortPath(entry.path || '/')}</span>
          </span>
          <StatusPill status={entry.status} />
          <Flags entry={entry} />
          <span class="count" aria-label={`${entry.count} request${entry.count === 1 ? '' : 's'}`}>
            {entry.count > 1 ? `×${entry.count}` : ''}
          </span>
        </summary>
        {open && <RowDetails entry={entry} now={now} />}
      </details>
    </li>
  );
}

const sameOutcomes = (a: AuditEntry['outcomes'], b: AuditEntry['outcomes']): boolean => {
  const keys = Object.keys(a) as (keyof AuditEntry['outcomes'])[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/** Live updates bring new objects for every row: a row draws again only when what it shows changed. */
export const RequestRow = memo(RequestRowView, (before, after) => {
  const a = before.entry;
  const b = after.entry;
  return (
    before.hidden === after.hidden &&
    (a === b ||
      (a.key === b.key &&
        a.count === b.count &&
        a.lastSeen === b.lastSeen &&
        a.integrity === b.integrity &&
        a.status === b.status &&
        a.reason === b.reason &&
        a.reportedByPage === b.reportedByPage &&
        a.changedFrom === b.changedFrom &&
        sameOutcomes(a.outcomes, b.outcomes)))
  );
});
