// The ui feature's entry: what code outside src/ui/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { downloadText } from './download';
export { Field, TextField } from './field';
export { messagesAbout } from './field-error';
export { memo } from './memo';
export { createPageStore } from './page-store';
export type { PageStore } from './page-store';
export { POPUP_TAB_VIEW, popupTabView } from './tab-view';
export type { TabView, TabViewRequest, TabViewVendor } from './tab-view';
export { StorageAlert } from './storage-alert';
export { buildTabView } from './tab-view-model';
