// The generated catalog's entry, apart from the catalog feature's: the build steps that write
// rules/generated/catalog.json import the catalog feature, and must not need the file they are about to write.
export { vendorCatalog } from './catalog-data';
