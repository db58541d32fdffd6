/**
 * Vendors grouped by category, with search. About 1,500 vendors: the curated ones are drawn at once; each category's
 * third-party-web vendors only when the person opens that list, and a search draws at most SEARCH_LIMIT matches, so
 * the page stays fast however long the catalog grows.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { CatalogVendor } from '../../src/catalog';
import type { DecisionOrDefault } from '../../src/settings';
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { categoryModels, searchIndex, searchVendors, vendorRow } from '../vendor-model';
import { CategorySection } from './category-section';
import { VendorRow } from './vendor-row';

const SEARCH_LIMIT = 100;
/** Typing pauses this long before the search runs. */
const SEARCH_DELAY_MS = 80;

export interface VendorsSectionProps {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
}

export function VendorsSection({ state, actions }: VendorsSectionProps) {
  const { catalog, settings, policy } = state;
  const searchId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const index = useMemo(() => searchIndex(catalog.vendors), [catalog]);
  const categories = useMemo(
    () => categoryModels(catalog, settings, policy.policy),
    [catalog, settings, policy.policy],
  );
  const found = useMemo(() => searchVendors(index, query, SEARCH_LIMIT), [index, query]);
  const onVendorChange = useCallback(
    (vendorId: string, name: string, action: DecisionOrDefault) =>
      void actions.apply(
        { kind: 'set-vendor', vendorId, action },
        action === null
          ? `${name}: back to its default.`
          : `${name}: ${action === 'allow' ? 'allowed' : 'blocked'} on every dashboard.`,
      ),
    [actions],
  );
  const row = (vendor: CatalogVendor) => (
    <VendorRow
      key={vendor.id}
      vendor={vendor}
      model={vendorRow(vendor, settings, policy.policy)}
      onChange={onVendorChange}
    />
  );

  const searching = query.trim() !== '';
  const total = found.total;
  const searchStatus = !searching
    ? `${catalog.vendors.length} vendors. Search by name or domain.`
    : total === 0
      ? 'No vendor matches.'
      : total > found.vendors.length
        ? `${total} vendors match; showing the first ${found.vendors.length}. Type more to narrow it.`
        : `${total} ${total === 1 ? 'vendor matches' : 'vendors match'}.`;
  // Categories dashboards need (allowed by default, each with its reason) come after the ones blocked by default.
  const group = (essential: boolean) =>
    categories
      .filter((m) => (m.entry.essentialBecause !== undefined) === essential)
      .map((model) => <CategorySection key={model.entry.id} model={model} row={row} actions={actions} />);

  return (
    <section class="card" aria-labelledby="vendors-heading" id="vendors">
      <h2 id="vendors-heading">Vendors on dashboards</h2>
      <p class="hint">
        These choices apply on every dashboard. To change a vendor on one dashboard only, use "Per-dashboard rules"
        below.
      </p>
      <div class="row">
        <label for={searchId}>Search vendors</label>
        <input
          id={searchId}
          type="search"
          autocomplete="off"
          aria-describedby={hintId}
          data-field="vendor-search"
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </div>
      <p class="hint" id={hintId} aria-live="polite">
        {searchStatus}
      </p>
      <ul class="vendor-list search-results" aria-label="Search results" hidden={!searching}>
        {searching && found.vendors.map(row)}
      </ul>
      <div class="categories" hidden={searching}>
        <h3 data-category-group="blockable">Trackers and widgets dashboards work without</h3>
        {group(false)}
        <h3 data-category-group="essential">Needed by dashboards: allowed unless you block them</h3>
        {group(true)}
      </div>
    </section>
  );
}
