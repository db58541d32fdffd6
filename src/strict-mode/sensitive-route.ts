/**
 * Which addresses of a dashboard are sensitive pages in strict mode, as the content script needs to know them to load
 * such a page fresh when the app routes to it inside one document (pure, and light: it runs in the content script). One matching, the declarativeNetRequest
 * `urlFilter` one (url-filter.ts), on the address without its fragment (the browser never sends the fragment, so no
 * header rule can see it): sensitive-route.test.ts checks the answer against the generated rules with the DNR model.
 * Only pages whose policy is enforced count: in report-only mode a fresh load would refuse nothing either.
 *
 * The messages between the content script and the background for it:
 *   strict-mode/pages       null              -> StrictModePagesReply  (the pages in force on the sender's host)
 *   strict-mode/fresh-load  { url }           -> FreshLoadReply        (load this sensitive address as a new document)
 */
import { isRecord } from '../shared';
import { matchesUrlFilter, urlFilterHost } from '../domains';
import { NO_PAYLOAD, defineMessage } from '../messaging';

export const STRICT_MODE_PAGES = 'strict-mode/pages';
export const STRICT_MODE_FRESH_LOAD = 'strict-mode/fresh-load';

/** A sensitive page as the content script matches it. */
export interface SensitivePageFilter {
  readonly urlFilter: string;
  /** False in report-only mode: the policy reports, it refuses nothing. */
  readonly enforced: boolean;
}

export interface StrictModePagesReply {
  readonly pages: readonly SensitivePageFilter[];
}

export type FreshLoadReply = { readonly loaded: true } | { readonly loaded: false; readonly reason: string };

/** The address as the rules see it: no fragment. */
function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** True when loading `url` as a document puts it under an enforced strict-mode policy. */
export function isEnforcedSensitiveUrl(url: string, pages: readonly SensitivePageFilter[]): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  const address = withoutFragment(url);
  return pages.some((page) => page.enforced && matchesUrlFilter(page.urlFilter, address));
}

/** True when a `||host/...` filter can match an address on `pageHost` (the host and its subdomains). */
export function filterCoversHost(filter: string, pageHost: string): boolean {
  const filterHost = urlFilterHost(filter);
  const host = pageHost.toLowerCase();
  return filterHost !== undefined && (host === filterHost || host.endsWith(`.${filterHost}`));
}

/** The catalog's own pages for a host, known to the content script before the background answers. */
export function catalogPagesFor(
  host: string,
  dashboards: readonly { readonly sensitivePages?: readonly string[] }[],
): SensitivePageFilter[] {
  return dashboards
    .flatMap((dashboard) => dashboard.sensitivePages ?? [])
    .filter((pattern) => filterCoversHost(pattern, host))
    .map((urlFilter) => ({ urlFilter, enforced: true }));
}

/** `strict-mode/fresh-load`'s payload: the sensitive address to load as a document of its own. */
export const freshLoadRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: { url: { type: 'string', maxLength: 4_096 } },
} as const;

/** Checks a `strict-mode/fresh-load` reply where the content script receives it. */
export function isFreshLoadReply(value: unknown): value is FreshLoadReply {
  return isRecord(value) && (value.loaded === true || (value.loaded === false && typeof value.reason === 'string'));
}

/** Checks a `strict-mode/pages` reply where the content script receives it. */
export function isStrictModePagesReply(value: unknown): value is StrictModePagesReply {
  return (
    isRecord(value) &&
    Array.isArray(value.pages) &&
    value.pages.every(
      (page) => isRecord(page) && typeof page.urlFilter === 'string' && typeof page.enforced === 'boolean',
    )
  );
}

/**
 * The two messages, declared once (src/messaging). Their replies are checked by the guards above, not by schemas: the
 * content script, which receives them, does not carry the schema checker.
 */
export const strictModePages = defineMessage(STRICT_MODE_PAGES, NO_PAYLOAD, isStrictModePagesReply);
export const strictModeFreshLoad = defineMessage(STRICT_MODE_FRESH_LOAD, freshLoadRequestSchema, isFreshLoadReply);
