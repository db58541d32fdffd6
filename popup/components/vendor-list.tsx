/**
 * The one list: every vendor this page tried to load, blocked ones first, each with its quick action and its
 * requests; then the vendors the person named or has a rule for here that the page did not load. A large audit is
 * built `budget` items at a time (the page grows it a slice per task; listSlice: every vendor first, then their
 * requests), so the first screen shows at once. `#audit` says `aria-busy="false"` and `data-rendered` (request rows
 * built) once every row of the latest data is built.
 */
import { useMemo } from 'preact/hooks';
import type { TabView } from '../../src/ui';
import { listSlice, rowMatches, type AuditShown, type StatusFilter } from '../popup-state';
import { VendorGroup } from './vendor-group';

export interface VendorListProps {
  readonly shown: AuditShown | undefined;
  readonly empty: string | undefined;
  readonly budget: number;
  readonly view: TabView | undefined;
  readonly changing: readonly string[];
  readonly newGroups: ReadonlySet<string> | undefined;
  readonly filterText: string;
  readonly filterStatus: StatusFilter;
  readonly onToggle: (vendorId: string) => void;
  readonly now: () => number;
}

const categoryLabel = (view: TabView | undefined, id: string | null): string =>
  id === null ? '' : (view?.categoryLabels[id] ?? 'Custom vendor');

export function VendorList(props: VendorListProps) {
  const { shown, view, budget } = props;
  const text = props.filterText.trim().toLowerCase();
  const filtering = text !== '' || props.filterStatus !== 'all';
  const visible = useMemo(() => {
    if (!filtering || shown === undefined) return undefined;
    return new Set(shown.entries.filter((e) => rowMatches(e, text, props.filterStatus)).map((e) => e.key));
  }, [shown, text, props.filterStatus, filtering]);
  const quick = useMemo(() => new Map(view?.vendors.map((v) => [v.id, v])), [view]);

  const groups = shown?.groups ?? [];
  const listed = new Set(groups.map((g) => g.vendor.id));
  // Vendors with a rule here or named by the person, not loaded by this page: listed after, with their action.
  const others = (view?.dashboard ? view.vendors : []).filter((v) => !listed.has(v.id));
  const rows = shown?.rows ?? 0;
  const slice = listSlice(shown, budget);
  const built = slice.rows;
  let left = built;
  const dashboardName = view?.dashboard?.name;

  return (
    <section
      id="audit"
      class="audit"
      aria-label="Requests by vendor"
      aria-busy={shown !== undefined && (built < rows || !shown.complete) ? 'true' : 'false'}
      data-rendered={String(built)}
      data-new-checked={props.newGroups === undefined ? undefined : String(props.newGroups.size)}
    >
      {(shown === undefined || rows === 0) && props.empty !== undefined && (
        <p class="empty" id="audit-empty">
          {props.empty}
        </p>
      )}
      <ul class="groups" id="groups" role="list" aria-label="Third parties by vendor">
        {groups.slice(0, slice.groups).map((group, index) => {
          const take = Math.max(0, Math.min(group.entries.length, left));
          left -= take;
          const id = group.vendor.id;
          return (
            <VendorGroup
              key={group.key}
              index={index}
              vendor={group.vendor}
              categoryLabel={categoryLabel(view, group.vendor.category)}
              entries={group.entries}
              rows={group.rows}
              reason={group.reason}
              count={group.count}
              status={group.status}
              built={take}
              visible={visible}
              unfold={filtering}
              quick={id === null ? undefined : quick.get(id)}
              dashboardName={dashboardName}
              busy={id !== null && props.changing.includes(id)}
              isNew={props.newGroups?.has(group.key) === true}
              onToggle={props.onToggle}
              now={props.now}
            />
          );
        })}
        {!filtering &&
          shown?.complete !== false &&
          slice.groups === groups.length &&
          others.map((vendor, i) => (
            <VendorGroup
              key={`named:${vendor.id}`}
              index={groups.length + i}
              vendor={vendor}
              categoryLabel=""
              entries={[]}
              rows={0}
              reason=""
              count={0}
              status={undefined}
              built={0}
              visible={undefined}
              unfold={false}
              quick={vendor}
              dashboardName={dashboardName}
              busy={props.changing.includes(vendor.id)}
              isNew={false}
              onToggle={props.onToggle}
              now={props.now}
            />
          ))}
      </ul>
      {shown !== undefined && shown.unlisted > 0 && (
        <p
          class="unlisted"
          id="audit-unlisted"
        >{`${shown.unlisted} more requests are counted but not listed: this page made too many distinct requests.`}</p>
      )}
    </section>
  );
}
