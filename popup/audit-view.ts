/**
 * The popup's list of a tab's third-party requests, grouped by vendor. Rendering is keyed and incremental: a live
 * update touches only the rows that changed, and a large audit (thousands of rows) is built in slices of a few
 * milliseconds, groups first, so the first screen shows at once and the popup stays responsive. Everything from the
 * page (URLs, hosts) is set as text or attribute values, never as markup.
 *
 * Test contract: every row is an element with `data-vendor` (vendor id, or `unknown` for an unknown third party),
 * `data-status` (an AuditStatus) and `data-url` (the URL as recorded); `#audit` has `aria-busy="false"` and
 * `data-rendered` (rows in the DOM) once rendering caught up with the latest data.
 */
import { entryFindings, groupByVendor, STATUS_LABEL, summarise, summaryText, type VendorGroup } from '../src/audit/audit-groups';
import { BLOCKED_STATUSES, type AuditEntry, type AuditStatus, type TabAudit } from '../src/audit/audit-types';
import type { CategoryEntry } from '../src/catalog/catalog-types';
import { el, setAttr, setText } from './dom';
import { mainOutcome, outcomesText, shortPath, timeText, typeLabel } from './entry-format';

export interface AuditViewDeps {
  readonly document: Document;
  /** Where the list goes (`#audit`). */
  readonly root: HTMLElement;
  /** The summary line (`#summary`). */
  readonly summary: HTMLElement;
  readonly categories: readonly CategoryEntry[];
  /** Runs `task` soon, as its own task (a MessageChannel: not throttled like timers in a background tab). */
  readonly defer: (task: () => void) => void;
  readonly now: () => number;
  /** Milliseconds of work per slice before yielding. */
  readonly sliceMs: number;
  /** After the first slice of data (`first`), and whenever a pass over the latest data is complete. */
  readonly onRendered?: (info: { readonly rows: number; readonly first: boolean }) => void;
}

export type StatusFilter = 'all' | 'blocked' | 'allowed' | 'unknown';

interface GroupView {
  readonly item: HTMLLIElement;
  readonly list: HTMLUListElement;
  readonly name: HTMLElement;
  readonly pill: HTMLElement;
  readonly count: HTMLElement;
  readonly reason: HTMLElement;
  readonly search: string;
}

interface RowView {
  readonly item: HTMLLIElement;
  readonly group: string;
  readonly status: AuditStatus;
  readonly search: string;
  entry: AuditEntry;
  readonly count: HTMLElement;
  readonly flags: HTMLElement;
  /** The expanded part, once built. */
  body: RowBody | undefined;
}

interface RowBody {
  readonly element: HTMLElement;
  readonly outcomes: HTMLElement;
  readonly seen: HTMLElement;
}

const statusClass = (status: AuditStatus | undefined): string =>
  status === undefined ? 'status-mixed' : BLOCKED_STATUSES.has(status) ? 'status-blocked' : status === 'allowed-unknown' || status === 'report-only' ? 'status-warn' : 'status-allowed';

export class AuditView {
  private readonly groups = new Map<string, GroupView>();
  private readonly rows = new Map<string, RowView>();
  private readonly list: HTMLUListElement;
  private readonly empty: HTMLElement;
  private readonly unlisted: HTMLElement;
  private latest: TabAudit | undefined;
  private pageKey: string | undefined;
  /** The pass in progress: position in the sorted groups and rows, and the last element placed (new ones follow it). */
  private work: { groups: VendorGroup[]; group: number; row: number; prevGroup: Element | null; prevRow: Element | null } | undefined;
  private passRunning = false;
  private firstRendered = false;
  private filterText = '';
  private filterStatus: StatusFilter = 'all';

  constructor(private readonly deps: AuditViewDeps) {
    const d = deps.document;
    this.empty = el(d, 'p', { class: 'empty', id: 'audit-empty' });
    this.list = el(d, 'ul', { class: 'groups', id: 'groups', role: 'list', 'aria-label': 'Third parties by vendor' });
    this.unlisted = el(d, 'p', { class: 'unlisted', id: 'audit-unlisted', hidden: '' });
    deps.root.replaceChildren(this.empty, this.list, this.unlisted);
    this.showEmpty('Loading…');
  }

  /** No audit for this tab: `message` says why. */
  showEmpty(message: string): void {
    this.latest = undefined;
    this.reset();
    setText(this.empty, message);
    this.empty.hidden = false;
    setText(this.deps.summary, summaryText(summarise([])));
    this.finish(false);
  }

  update(audit: TabAudit): void {
    const pageKey = audit.page === null ? 'pending' : `${audit.page.timeOrigin}|${audit.page.url}`;
    if (pageKey !== this.pageKey) {
      this.reset();
      this.pageKey = pageKey;
    }
    this.latest = audit;
    setText(this.deps.summary, summaryText(summarise(audit.entries)));
    this.empty.hidden = audit.entries.length > 0;
    if (audit.entries.length === 0) setText(this.empty, 'No third-party requests on this page so far.');
    this.unlisted.hidden = audit.unlisted === 0;
    setText(this.unlisted, audit.unlisted === 0 ? '' : `${audit.unlisted} more requests are counted but not listed: this page made too many distinct requests.`);
    this.work = { groups: groupByVendor(audit.entries), group: 0, row: 0, prevGroup: null, prevRow: null };
    this.deps.root.setAttribute('aria-busy', 'true');
    if (!this.passRunning) {
      this.passRunning = true;
      // The first slice runs now, so the popup's first paint already shows the top of the list.
      this.slice();
    }
  }

  filter(text: string, status: StatusFilter): void {
    this.filterText = text.trim().toLowerCase();
    this.filterStatus = status;
    const visible = new Set<string>();
    for (const row of this.rows.values()) {
      row.item.hidden = !this.matches(row);
      if (!row.item.hidden) visible.add(row.group);
    }
    for (const [key, group] of this.groups) group.item.hidden = !visible.has(key);
  }

  private matches(row: RowView): boolean {
    const status = this.filterStatus;
    if (status === 'blocked' && !BLOCKED_STATUSES.has(row.status)) return false;
    if (status === 'unknown' && row.status !== 'allowed-unknown') return false;
    if (status === 'allowed' && (BLOCKED_STATUSES.has(row.status) || row.status === 'allowed-unknown')) return false;
    return this.filterText === '' || row.search.includes(this.filterText);
  }

  private reset(): void {
    this.groups.clear();
    this.rows.clear();
    this.list.replaceChildren();
    this.work = undefined;
    this.pageKey = undefined;
  }

  private slice(): void {
    const started = performance.now();
    const work = this.work;
    while (work !== undefined && work.group < work.groups.length) {
      const group = work.groups[work.group];
      if (group === undefined) break;
      const view = this.groupView(group, work.prevGroup);
      work.prevGroup = view.item;
      while (work.row < group.entries.length) {
        const entry = group.entries[work.row];
        if (entry !== undefined) work.prevRow = this.row(entry, group, view, work.prevRow);
        work.row += 1;
        if ((work.row & 31) === 0 && performance.now() - started > this.deps.sliceMs) break;
      }
      if (work.row >= group.entries.length) {
        work.group += 1;
        work.row = 0;
        work.prevRow = null;
      }
      if (performance.now() - started > this.deps.sliceMs) break;
    }
    if (!this.firstRendered) {
      this.firstRendered = true;
      this.deps.onRendered?.({ rows: this.rows.size, first: true });
    }
    if (work !== undefined && work.group < work.groups.length) {
      this.deps.defer(() => this.slice());
      return;
    }
    this.passRunning = false;
    this.finish(true);
  }

  /** Rendering caught up; `report` for a pass over real data (not an empty state). */
  private finish(report: boolean): void {
    if (this.filterText !== '' || this.filterStatus !== 'all') this.filter(this.filterText, this.filterStatus);
    this.deps.root.setAttribute('data-rendered', String(this.rows.size));
    this.deps.root.setAttribute('aria-busy', 'false');
    if (report) this.deps.onRendered?.({ rows: this.rows.size, first: false });
  }

  /** The category shown next to the vendor's name; none for an unknown third party (its status says it). */
  private categoryLabel(id: string | null): string {
    if (id === null) return '';
    return this.deps.categories.find((c) => c.id === id)?.label ?? 'Custom vendor';
  }

  /** The group's element, created after `previous` (the group sorted before it) if it is new. */
  private groupView(group: VendorGroup, previous: Element | null): GroupView {
    const d = this.deps.document;
    let view = this.groups.get(group.key);
    if (view === undefined) {
      const headingId = `group-${this.groups.size}`;
      const name = el(d, 'span', { class: 'vendor-name', id: headingId }, group.vendor.name);
      const pill = el(d, 'span', { class: 'pill' });
      const count = el(d, 'span', { class: 'count' });
      const reason = el(d, 'p', { class: 'group-reason' });
      const list = el(d, 'ul', { class: 'entries', role: 'list', 'aria-labelledby': headingId });
      const label = this.categoryLabel(group.vendor.category);
      const category = label === '' ? null : el(d, 'span', { class: 'category' }, label);
      const summary = el(d, 'summary', { class: 'group-summary' }, name, category, pill, count);
      const item = el(d, 'li', { class: 'group', 'data-group': group.key, 'data-vendor-group': group.vendor.id ?? 'unknown' }, el(d, 'details', { open: '' }, summary, reason, list));
      view = { item, list, name, pill, count, reason, search: `${group.vendor.name} ${group.vendor.id ?? ''}`.toLowerCase() };
      this.groups.set(group.key, view);
      // A new group goes after the one sorted before it; groups already shown stay put (no jumping while reading).
      this.list.insertBefore(item, previous === null ? this.list.firstChild : previous.nextSibling);
    }
    const status = group.status;
    // With one status for the whole group, the rows need not repeat it (CSS hides their pills).
    if (status === undefined) view.item.removeAttribute('data-uniform');
    else setAttr(view.item, 'data-uniform', status);
    setText(view.pill, status === undefined ? 'Mixed' : STATUS_LABEL[status]);
    setAttr(view.pill, 'class', `pill ${statusClass(status)}`);
    setText(view.count, String(group.count));
    setAttr(view.count, 'aria-label', `${group.count} request${group.count === 1 ? '' : 's'}`);
    const reasons = new Set(group.entries.map((e) => e.reason));
    const reason = reasons.size === 1 ? group.entries[0]?.reason ?? '' : 'Different rules apply to its requests: see each one.';
    setText(view.reason, reason);
    return view;
  }

  /** The row's element, created after `previous` (the row sorted before it) if it is new. */
  private row(entry: AuditEntry, group: VendorGroup, view: GroupView, previous: Element | null): Element {
    const existing = this.rows.get(entry.key);
    if (existing !== undefined) {
      if (existing.entry !== entry && (existing.entry.count !== entry.count || existing.entry.lastSeen !== entry.lastSeen || existing.entry.integrity !== entry.integrity)) {
        existing.entry = entry;
        this.fillRow(existing, entry);
      }
      return existing.item;
    }
    const d = this.deps.document;
    const count = el(d, 'span', { class: 'count' });
    const flags = el(d, 'span', { class: 'flags' });
    const summary = el(
      d,
      'summary',
      { class: 'entry-summary', title: entry.url },
      el(d, 'span', { class: 'type' }, typeLabel(entry.type)),
      el(d, 'span', { class: 'where' }, el(d, 'span', { class: 'host' }, entry.host), el(d, 'span', { class: 'path' }, shortPath(entry.path || '/'))),
      el(d, 'span', { class: `pill ${statusClass(entry.status)}` }, STATUS_LABEL[entry.status]),
      flags,
      count,
    );
    const details = el(d, 'details', {}, summary);
    const item = el(
      d,
      'li',
      {
        class: 'entry',
        'data-vendor': entry.vendor.id ?? 'unknown',
        'data-status': entry.status,
        'data-url': entry.url,
        'data-type': entry.type,
        'data-sri': entry.integrity ?? 'n/a',
      },
      details,
    );
    const row: RowView = { item, group: group.key, status: entry.status, search: `${entry.url} ${group.vendor.name}`.toLowerCase(), entry, count, flags, body: undefined };
    // The expanded part (reason, full URL, outcomes, times) is built when first opened: most rows never are.
    details.addEventListener('toggle', () => {
      if (details.open && row.body === undefined) {
        row.body = this.rowBody(row.entry);
        details.appendChild(row.body.element);
      }
    });
    this.fillRow(row, entry);
    this.rows.set(entry.key, row);
    view.list.insertBefore(item, previous === null ? view.list.firstChild : previous.nextSibling);
    if (this.filterText !== '' || this.filterStatus !== 'all') item.hidden = !this.matches(row);
    return item;
  }

  private rowBody(entry: AuditEntry): RowBody {
    const d = this.deps.document;
    const outcomes = el(d, 'dd', {});
    const seen = el(d, 'dd', {});
    const element = el(
      d,
      'div',
      { class: 'entry-details' },
      el(d, 'p', { class: 'reason' }, entry.reason),
      el(
        d,
        'dl',
        {},
        el(d, 'dt', {}, 'URL'),
        el(d, 'dd', {}, el(d, 'code', { class: 'url' }, entry.url), entry.urlTruncated ? el(d, 'span', { class: 'muted' }, ` (cut at ${entry.url.length} characters)`) : null),
        el(d, 'dt', {}, 'Seen'),
        outcomes,
        el(d, 'dt', {}, 'When'),
        seen,
      ),
    );
    const body = { element, outcomes, seen };
    this.fillBody(body, entry);
    return body;
  }

  private fillBody(body: RowBody, entry: AuditEntry): void {
    const now = this.deps.now();
    setText(body.outcomes, outcomesText(entry));
    setText(body.seen, entry.firstSeen === entry.lastSeen ? timeText(entry.firstSeen, now) : `${timeText(entry.firstSeen, now)} to ${timeText(entry.lastSeen, now)}`);
  }

  private fillRow(row: RowView, entry: AuditEntry): void {
    const d = this.deps.document;
    setText(row.count, entry.count > 1 ? `×${entry.count}` : '');
    setAttr(row.count, 'aria-label', `${entry.count} request${entry.count === 1 ? '' : 's'}`);
    setAttr(row.item, 'data-sri', entry.integrity ?? 'n/a');
    setAttr(row.item, 'data-observed', mainOutcome(entry));
    setAttr(row.item, 'data-count', String(entry.count));
    const findings = entryFindings(entry);
    const flags: HTMLElement[] = [];
    if (findings.noSri) flags.push(el(d, 'span', { class: 'flag status-warn', 'data-flag': 'no-sri', title: 'This script was allowed and its element carried no integrity attribute (Subresource Integrity).' }, 'no SRI'));
    if (findings.loadedAnyway) flags.push(el(d, 'span', { class: 'flag status-warn', 'data-flag': 'loaded-anyway', title: 'The rules block this, yet the page saw it load.' }, 'loaded anyway'));
    if (findings.failed) flags.push(el(d, 'span', { class: 'flag muted', 'data-flag': 'failed', title: 'Allowed, but it failed to load.' }, 'failed'));
    if (entry.reportedByPage === true) flags.push(el(d, 'span', { class: 'flag status-warn', 'data-flag': 'by-page', title: 'Reported by the page itself (a WebSocket it says it opened): the page could have made this up. The status is still what the rules do with the address.' }, 'reported by the page'));
    if (entry.changedFrom !== undefined) flags.push(el(d, 'span', { class: 'flag status-warn', 'data-flag': 'verdict-changed', title: `First judged "${entry.changedFrom}" with the settings at hand, before your organisation's policy was read; this is the verdict under that policy.` }, 'verdict changed'));
    if (entry.inFrame) flags.push(el(d, 'span', { class: 'flag muted', 'data-flag': 'frame', title: 'Requested by a frame of the page.' }, 'frame'));
    if (flags.length > 0 || row.flags.firstChild !== null) row.flags.replaceChildren(...flags);
    if (row.body !== undefined) this.fillBody(row.body, entry);
  }
}
