// The shared feature's entry: what nearly every feature needs and no feature owns. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { errorMessage } from './error-message';
export { isRecord } from './is-record';
export { rememberRecentEntry, rememberRecentKey } from './remember-recent';
export type { Result } from './result';
export { createSerialQueue } from './serial-queue';
export { withRecentMark } from './with-recent-mark';
