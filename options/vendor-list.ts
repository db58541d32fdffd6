/**
 * Vendors grouped by category, with search. About 1,500 vendors: the curated ones render at once; each category's
 * third-party-web vendors render only when the person opens that list, and a search renders at most SEARCH_LIMIT
 * matches, so the page stays fast however long the catalog grows.
 */
import type { CatalogVendor } from '../src/catalog/catalog-types';
import { el, replaceChildren, uniqueId } from '../src/ui/dom';
import { applyAndAnnounce, type SectionContext } from './section-context';
import { createVendorRow, type VendorRowHandle } from './vendor-row';
import {
  MANAGED_LABEL,
  categoryChange,
  categoryModels,
  searchIndex,
  searchVendors,
  vendorRow,
  type CategoryChoice,
  type CategoryModel,
} from './vendor-model';

const SEARCH_LIMIT = 100;
const CHOICE_TEXT: Record<CategoryChoice, string> = {
  default: "Each vendor's default",
  block: 'Block all',
  allow: 'Allow all',
};

export function mountVendorList(root: HTMLElement, context: SectionContext): void {
  const { catalog, store } = context;
  const rows = new Map<string, Set<VendorRowHandle>>();
  const vendorsById = new Map(catalog.vendors.map((v) => [v.id, v]));
  const index = searchIndex(catalog.vendors);

  const modelOf = (vendor: CatalogVendor) => vendorRow(vendor, store.state().settings, store.state().policy.policy);
  const track = (handle: VendorRowHandle): VendorRowHandle => {
    const set = rows.get(handle.vendorId) ?? new Set<VendorRowHandle>();
    set.add(handle);
    rows.set(handle.vendorId, set);
    handle.update(modelOf(vendorsById.get(handle.vendorId)!));
    return handle;
  };
  const untrack = (handles: Iterable<VendorRowHandle>): void => {
    for (const handle of handles) rows.get(handle.vendorId)?.delete(handle);
  };
  const rowFor = (vendor: CatalogVendor): VendorRowHandle =>
    track(
      createVendorRow(vendor, (action) => {
        const done =
          action === null
            ? `${vendor.name}: back to its default.`
            : `${vendor.name}: ${action === 'allow' ? 'allowed' : 'blocked'} on every dashboard.`;
        void applyAndAnnounce(context, { kind: 'set-vendor', vendorId: vendor.id, action }, done);
      }),
    );

  // Search.
  const searchId = uniqueId('vendor-search');
  const searchHint = uniqueId('vendor-search-hint');
  const search = el('input', {
    attrs: {
      id: searchId,
      type: 'search',
      autocomplete: 'off',
      'aria-describedby': searchHint,
      'data-field': 'vendor-search',
    },
  });
  const searchStatus = el('p', {
    className: 'hint',
    attrs: { id: searchHint, 'aria-live': 'polite' },
    text: `${catalog.vendors.length} vendors. Search by name or domain.`,
  });
  const results = el('ul', {
    className: 'vendor-list search-results',
    attrs: { hidden: true, 'aria-label': 'Search results' },
  });
  let resultHandles: VendorRowHandle[] = [];

  const categoriesBox = el('div', { className: 'categories' });
  const categoryControls: { id: string; update(model: CategoryModel): void }[] = [];

  const renderCategory = (model: CategoryModel): HTMLElement => {
    const headingId = uniqueId('category');
    const selectId = uniqueId('category-choice');
    const select = el('select', { attrs: { id: selectId, 'data-category': model.entry.id } });
    const managed = el('span', { className: 'managed', attrs: { hidden: true } });
    select.addEventListener('change', () => {
      const choice = select.value as CategoryChoice;
      void applyAndAnnounce(
        context,
        categoryChange(model.entry.id, choice),
        `${model.entry.label}: ${CHOICE_TEXT[choice].toLowerCase()}.`,
      );
    });
    const curatedList = el('ul', { className: 'vendor-list' }, ...model.curated.map((v) => rowFor(v).element));
    let moreHandles: VendorRowHandle[] | undefined;
    const moreList = el('ul', { className: 'vendor-list' });
    const more =
      model.more.length === 0
        ? null
        : el(
            'details',
            {
              className: 'more',
              on: {
                toggle: () => {
                  if (moreHandles !== undefined) return;
                  moreHandles = model.more.map(rowFor);
                  replaceChildren(moreList, ...moreHandles.map((h) => h.element));
                },
              },
            },
            el('summary', {
              text: `${model.more.length} more ${model.entry.label.toLowerCase()} vendors from third-party-web`,
            }),
            moreList,
          );
    const section = el(
      'section',
      { className: 'category', attrs: { 'aria-labelledby': headingId, 'data-category-section': model.entry.id } },
      el('h4', { text: model.entry.label, attrs: { id: headingId } }),
      el('p', { className: 'hint', text: model.entry.description }),
      model.entry.essentialBecause === undefined
        ? null
        : el('p', { className: 'hint essential', text: `Allowed by default: ${model.entry.essentialBecause}` }),
      el(
        'div',
        { className: 'row' },
        el('label', { text: 'On every dashboard:', attrs: { for: selectId } }),
        select,
        managed,
      ),
      model.curated.length > 0 ? curatedList : null,
      more,
    );
    categoryControls.push({
      id: model.entry.id,
      update(next) {
        replaceChildren(
          select,
          ...(['default', 'block', 'allow'] as const).map((choice) =>
            el('option', {
              text: CHOICE_TEXT[choice],
              attrs: { value: choice, disabled: !next.allowed.includes(choice) && choice !== next.choice },
            }),
          ),
        );
        select.value = next.choice;
        select.disabled = next.allowed.length === 0;
        managed.hidden = next.managed === undefined;
        managed.textContent = next.managed ? `${MANAGED_LABEL}: ${next.managed}` : '';
      },
    });
    return section;
  };

  // Categories dashboards need (allowed by default, each with its reason) come after the ones blocked by default.
  const models = categoryModels(catalog, store.state().settings, store.state().policy.policy);
  const group = (essential: boolean): HTMLElement[] =>
    models.filter((m) => (m.entry.essentialBecause !== undefined) === essential).map(renderCategory);
  replaceChildren(
    categoriesBox,
    el('h3', { text: 'Trackers and widgets dashboards work without', attrs: { 'data-category-group': 'blockable' } }),
    ...group(false),
    el('h3', {
      text: 'Needed by dashboards: allowed unless you block them',
      attrs: { 'data-category-group': 'essential' },
    }),
    ...group(true),
  );

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const runSearch = (): void => {
    untrack(resultHandles);
    const query = search.value;
    const { vendors, total } = searchVendors(index, query, SEARCH_LIMIT);
    if (query.trim() === '') {
      resultHandles = [];
      results.hidden = true;
      categoriesBox.hidden = false;
      searchStatus.textContent = `${catalog.vendors.length} vendors. Search by name or domain.`;
      return;
    }
    resultHandles = vendors.map(rowFor);
    replaceChildren(results, ...resultHandles.map((h) => h.element));
    results.hidden = false;
    categoriesBox.hidden = true;
    searchStatus.textContent =
      total === 0
        ? 'No vendor matches.'
        : total > vendors.length
          ? `${total} vendors match; showing the first ${vendors.length}. Type more to narrow it.`
          : `${total} ${total === 1 ? 'vendor matches' : 'vendors match'}.`;
  };
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 80);
  });

  const update = (): void => {
    const { settings, policy } = store.state();
    for (const model of categoryModels(catalog, settings, policy.policy))
      categoryControls.find((c) => c.id === model.entry.id)?.update(model);
    for (const [vendorId, handles] of rows) {
      if (handles.size === 0) continue;
      const model = vendorRow(vendorsById.get(vendorId)!, settings, policy.policy);
      for (const handle of handles) handle.update(model);
    }
  };
  update();
  store.subscribe(update);

  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'vendors-heading', id: 'vendors' } },
      el('h2', { text: 'Vendors on dashboards', attrs: { id: 'vendors-heading' } }),
      el('p', {
        className: 'hint',
        text: 'These choices apply on every dashboard. To change a vendor on one dashboard only, use "Per-dashboard rules" below.',
      }),
      el('div', { className: 'row' }, el('label', { text: 'Search vendors', attrs: { for: searchId } }), search),
      searchStatus,
      results,
      categoriesBox,
    ),
  );
}
