/**
 * Strict mode's share of a dashboard profile (pure): the exact hosts its sensitive pages may use besides the
 * dashboard's own domains, by what loads them. A token page runs the app itself: its own hosts and assets, the avatars
 * it shows, the sign-in that keeps the session (framed or called, never its scripts). Captcha, billing, realtime, status, feature flags and logs are vendors
 * or other pages' business: a vendor gets onto a sensitive page only when someone allows it on that dashboard.
 */
import type { DashboardEntry, DashboardProfile, NeededPurpose, RequestKind, StrictModeNeeds } from '../../src/catalog';
import { hostMatchesDomain } from '../../src/domains';

export const STRICT_MODE_PURPOSES: ReadonlySet<NeededPurpose> = new Set(['app', 'assets', 'avatars', 'sign-in']);

/** Which directive a host is needed in, by how the app requests it (a font file is fetched by a needed stylesheet). */
const DIRECTIVES: Record<RequestKind, readonly (keyof StrictModeNeeds)[]> = {
  image: ['image'],
  script: ['script'],
  fetch: ['connect'],
  frame: ['frame'],
  stylesheet: ['style'],
};

export function strictModeNeedsOf(
  dashboard: DashboardEntry,
  profile: DashboardProfile | undefined,
): StrictModeNeeds | undefined {
  const own = [...dashboard.hosts, ...dashboard.ownDomains];
  const needs: Record<keyof StrictModeNeeds, Set<string>> = {
    image: new Set(),
    script: new Set(),
    connect: new Set(),
    frame: new Set(),
    style: new Set(),
  };
  for (const need of profile?.needs ?? []) {
    // The dashboard's own domains are in every directive already.
    if (!STRICT_MODE_PURPOSES.has(need.purpose) || own.some((domain) => hostMatchesDomain(need.host, domain))) continue;
    // A sign-in provider's scripts run on its own pages (a separate document); the dashboard's page frames it or
    // calls it, never runs its code (Google's apis.google.com on a GitLab token page would be someone else's code).
    if (need.purpose === 'sign-in' && need.loadedAs === 'script') continue;
    for (const directive of DIRECTIVES[need.loadedAs]) needs[directive].add(need.host);
  }
  const list = (set: Set<string>): string[] => [...set].sort();
  const result = {
    image: list(needs.image),
    script: list(needs.script),
    connect: list(needs.connect),
    frame: list(needs.frame),
    style: list(needs.style),
  };
  return Object.values(result).some((hosts) => hosts.length > 0) ? result : undefined;
}

/** The dashboards with their strict-mode needs written in, as the build hands them to the rules and the catalog. */
export function withStrictModeNeeds(
  dashboards: readonly DashboardEntry[],
  profiles: readonly DashboardProfile[],
): DashboardEntry[] {
  return dashboards.map((dashboard) => {
    const needs = strictModeNeedsOf(
      dashboard,
      profiles.find((profile) => profile.dashboardId === dashboard.id),
    );
    return needs === undefined ? dashboard : { ...dashboard, strictModeNeeds: needs };
  });
}
