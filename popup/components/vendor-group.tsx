/**
 * One vendor on this page: its name, category, status, reason and request count, its "Allow here" / "Block here"
 * button (the quick action lives where the vendor is listed), and its requests, folded until opened. A vendor the
 * person named that the page did not load shows with no requests.
 */
import { useState } from 'preact/hooks';
import type { VendorGroup as Group, AuditEntry, AuditStatus } from '../../src/audit';
import type { TabViewVendor } from '../../src/ui';
import { memo } from '../../src/ui';
import { RequestRow } from './request-row';
import { StatusPill } from './status-pill';

const MANAGED = 'Managed by your organisation';

export interface VendorGroupProps {
  /** Position in the list, for element ids. */
  readonly index: number;
  readonly vendor: { readonly id: string | null; readonly name: string };
  readonly categoryLabel: string;
  /** The group's requests at hand, in display order (none for a vendor named but not seen). */
  readonly entries: readonly AuditEntry[];
  /** How many request rows it has in all (a first screen may hold fewer). */
  readonly rows: number;
  /** The reason its rows share, or a line saying they differ ('' for a vendor not seen). */
  readonly reason: string;
  readonly count: number;
  /** The status every request shares, undefined when they differ. */
  readonly status: AuditStatus | undefined;
  /** How many of its requests are built so far. */
  readonly built: number;
  /** Which built rows pass the filter (undefined: all); the group hides when none does. */
  readonly visible: ReadonlySet<string> | undefined;
  /** Unfold without a click (a filter is typed). */
  readonly unfold: boolean;
  /** What the background says about the vendor on this dashboard; undefined: no quick action (unknown vendor, not a dashboard). */
  readonly quick: TabViewVendor | undefined;
  readonly dashboardName: string | undefined;
  readonly busy: boolean;
  /** The dashboard had not loaded this third party in the last 30 days. */
  readonly isNew: boolean;
  readonly onToggle: (vendorId: string) => void;
  readonly now: () => number;
}

function QuickAction({
  quick,
  dashboardName,
  busy,
  onToggle,
}: Pick<VendorGroupProps, 'dashboardName' | 'busy' | 'onToggle'> & { readonly quick: TabViewVendor }) {
  const verb = quick.state === 'block' ? 'Allow here' : 'Block here';
  return (
    <span class="quick">
      <button
        type="button"
        class={quick.state === 'block' ? 'primary' : ''}
        data-qa="vendor-toggle"
        aria-label={`${verb}: ${quick.name}${dashboardName ? ` on ${dashboardName}` : ''}`}
        disabled={quick.change === null || busy}
        title={quick.change === null ? MANAGED : undefined}
        onClick={() => onToggle(quick.id)}
      >
        {verb}
      </button>
    </span>
  );
}

function VendorGroupView(props: VendorGroupProps) {
  const { index, vendor, entries, built, visible, quick } = props;
  const [open, setOpen] = useState(false);
  const expanded = open || props.unfold;
  const listId = `group-${index}-requests`;
  const shownRows = entries.slice(0, built);
  const hidden = visible !== undefined && !shownRows.some((e) => visible.has(e.key));
  return (
    <li
      class="group"
      hidden={hidden}
      data-group={vendor.id ?? `unknown:${vendor.name}`}
      data-vendor-group={vendor.id ?? 'unknown'}
      data-new={props.isNew ? 'true' : undefined}
      data-uniform={props.status}
      data-state={quick?.state}
    >
      <div class="group-head">
        <button
          type="button"
          class="group-toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setOpen(!expanded)}
        >
          <span
            class="vendor-name"
            id={`group-${index}`}
            title={props.categoryLabel === '' ? undefined : `${vendor.name} · ${props.categoryLabel}`}
          >
            {vendor.name}
          </span>
          {props.isNew && (
            <span
              class="flag status-warn"
              data-flag="new"
              title="This dashboard had not loaded this third party in the last 30 days."
            >
              new
            </span>
          )}
          {props.rows > 0 && <StatusPill status={props.status} />}
          <span class="count" aria-label={`${props.count} request${props.count === 1 ? '' : 's'}`}>
            {String(props.count)}
          </span>
        </button>
        {quick !== undefined && (
          <QuickAction quick={quick} dashboardName={props.dashboardName} busy={props.busy} onToggle={props.onToggle} />
        )}
      </div>
      <p class="group-reason">
        {props.rows > 0 ? props.reason : 'Not seen on this page.'}
        {quick?.change === null && <span class="managed"> {MANAGED}.</span>}
      </p>
      <ul class="entries" id={listId} role="list" aria-labelledby={`group-${index}`} hidden={!expanded}>
        {shownRows.map((entry) => (
          <RequestRow
            key={entry.key}
            entry={entry}
            hidden={visible !== undefined && !visible.has(entry.key)}
            now={props.now}
          />
        ))}
      </ul>
    </li>
  );
}

/** Draws again only when something it shows changed (a live update replaces every group object). */
export const VendorGroup = memo(
  VendorGroupView,
  (a, b) =>
    a.index === b.index &&
    a.entries === b.entries &&
    a.rows === b.rows &&
    a.reason === b.reason &&
    a.count === b.count &&
    a.status === b.status &&
    a.built === b.built &&
    a.visible === b.visible &&
    a.unfold === b.unfold &&
    a.quick === b.quick &&
    a.busy === b.busy &&
    a.isNew === b.isNew &&
    a.categoryLabel === b.categoryLabel &&
    a.dashboardName === b.dashboardName,
);

export type { Group };
