// The strict-mode feature's entry: what code outside src/strict-mode/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { DOCUMENT_STRICT_MODES, documentStrictModeOf } from './document-strict-mode';
export type { DocumentStrictMode } from './document-strict-mode';
export { normaliseSensitivePage, sensitivePageHost } from './sensitive-page';
export {
  STRICT_MODE_FRESH_LOAD,
  STRICT_MODE_PAGES,
  catalogPagesFor,
  filterCoversHost,
  isEnforcedSensitiveUrl,
  strictModeFreshLoad,
  strictModePages,
} from './sensitive-route';
export type { FreshLoadReply, SensitivePageFilter, StrictModePagesReply } from './sensitive-route';
export { sensitivePageAccessProblem, sensitivePagesAccess, strictModeOrigin } from './strict-mode-access';
export type { SensitivePageAccess } from './strict-mode-access';
export {
  CSP_HEADER,
  STRICT_MODE_RESOURCE_TYPES,
  strictModeAllows,
  strictModeRule,
  strictModeSources,
} from './strict-mode-csp';
export type { StrictModeSources } from './strict-mode-csp';
