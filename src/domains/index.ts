// The domains feature's entry: host names and domains as declarativeNetRequest matches them (host-match.ts, plain
// string work the pages can carry), registrable domains by the public-suffix list (domain-name.ts, tldts), and DNR
// `urlFilter` matching. Other features and the pages import from here only, never from a module inside
// (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { normaliseDomain, registrableDomain } from './domain-name';
export { hostMatchesAny, hostMatchesDomain, hostOf, isWellFormedHost, strictParents } from './host-match';
export { matchesUrlFilter, urlFilterHost } from './url-filter';
