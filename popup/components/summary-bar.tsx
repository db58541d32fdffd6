/**
 * The top of the popup: what this page tried to load, in one line (`#summary`, the test contract's summary text),
 * a bar of blocked, allowed and unknown requests, and the same per category. The bars are drawing only
 * (aria-hidden); the words beside them say everything.
 */
import type { TabView } from '../../src/ui';
import { summaryText } from '../../src/audit';
import { memo } from '../../src/ui';
import type { AuditShown } from '../popup-state';

/** Categories shown by name; the rest are summed up in one line. */
const TOP_CATEGORIES = 4;

const share = (part: number, whole: number): string => `${whole === 0 ? 0 : (100 * part) / whole}%`;

function categoryName(id: string, view: TabView | undefined): string {
  if (id === 'unknown') return 'Unknown third parties';
  if (id === 'custom') return 'Your vendors';
  return view?.categoryLabels[id] ?? id;
}

function SummaryBarView({
  shown,
  view,
}: {
  readonly shown: AuditShown | undefined;
  readonly view: TabView | undefined;
}) {
  const summary = shown?.summary ?? { blocked: 0, allowed: 0, unknown: 0, wouldBeBlocked: 0 };
  const total = summary.blocked + summary.allowed + summary.unknown;
  const categories = shown?.categories ?? [];
  const top = categories.slice(0, TOP_CATEGORIES);
  const rest = categories.slice(TOP_CATEGORIES);
  const widest = Math.max(1, ...top.map((c) => c.blocked + c.allowed));
  return (
    <section class="overview" aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="visually-hidden">
        Third parties on this page
      </h2>
      <p id="summary" class="summary" role="status" aria-live="polite">
        {summaryText(summary)}
      </p>
      {total > 0 && (
        <div class="bar" aria-hidden="true">
          <span class="bar-blocked" style={{ width: share(summary.blocked, total) }} />
          <span class="bar-allowed" style={{ width: share(summary.allowed, total) }} />
          <span class="bar-unknown" style={{ width: share(summary.unknown, total) }} />
        </div>
      )}
      {top.length > 0 && (
        <ul class="by-category" aria-label="Requests by category">
          {top.map((c) => (
            <li key={c.id} data-category={c.id}>
              <span class="category-name">{categoryName(c.id, view)}</span>
              <span class="mini-bar" aria-hidden="true">
                <span class="bar-blocked" style={{ width: share(c.blocked, widest) }} />
                <span
                  class={c.id === 'unknown' ? 'bar-unknown' : 'bar-allowed'}
                  style={{ width: share(c.allowed, widest) }}
                />
              </span>
              <span class="category-counts">
                {c.blocked > 0 && c.allowed > 0
                  ? `${c.blocked} blocked, ${c.allowed} allowed`
                  : c.blocked > 0
                    ? `${c.blocked} blocked`
                    : `${c.allowed} allowed`}
              </span>
            </li>
          ))}
          {rest.length > 0 && (
            <li
              class="muted"
              data-category="other"
            >{`${rest.length} more ${rest.length === 1 ? 'category' : 'categories'}: ${rest.reduce((n, c) => n + c.blocked, 0)} blocked, ${rest.reduce((n, c) => n + c.allowed, 0)} allowed`}</li>
          )}
        </ul>
      )}
    </section>
  );
}

/** The list grows a slice per task: the summary, made once per audit, is not drawn again for each slice. */
export const SummaryBar = memo(SummaryBarView, (a, b) => a.shown === b.shown && a.view === b.view);
