// The catalog feature's entry: what code outside src/catalog/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { CATALOG_GET, catalogGet } from './catalog-messages';
export { CATEGORY_IDS } from './catalog-types';
export type {
  CatalogVendor,
  CategoryEntry,
  CategoryId,
  DashboardEntry,
  DashboardProfile,
  EvidenceSource,
  NeededHost,
  NeededPurpose,
  PlatformDomain,
  RequestKind,
  StrictModeAllowances,
  StrictModeNeeds,
  VendorEntry,
  VendorSource,
} from './catalog-types';
export { packCatalog, unpackCatalog } from './packed-catalog';
export type { PackedCatalog } from './packed-catalog';
export { ruleVendors } from './rule-vendors';
export { dashboardScope } from './runtime-catalog';
export type { RuntimeCatalog } from './runtime-catalog';
export { createCustomDashboardAccess } from './custom-dashboard-access';
export type { CustomDashboardAccess } from './custom-dashboard-access';
export {
  allDashboards,
  customDashboardOrigin,
  customDashboards,
  dashboardForHost,
  dashboardMatchesRef,
} from './dashboards';
export { createVendorIndex, vendorsInForce } from './vendor-index';
export type { IndexedVendor, VendorIndex } from './vendor-index';
export { lookUpVendor, vendorSuggestion } from './vendor-lookup';
export type { NamedVendor } from './vendor-lookup';
