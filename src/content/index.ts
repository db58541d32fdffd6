// The content feature's entry: what code outside src/content/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { contentScopeOf } from './content-scope';
