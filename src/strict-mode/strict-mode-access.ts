/**
 * Strict mode's header is a declarativeNetRequest `modifyHeaders` rule, which the browser applies only on hosts the
 * extension may access. The built-in dashboards are in the manifest's host permissions (a person can still withdraw
 * them: Chrome's "site access", Firefox's add-on permissions); a self-hosted dashboard's host is asked for when it is
 * added, and may be declined. So a sensitive page can be in force in the rules and still unprotected: this says which
 * (pure), for the options page and the popup, and which permission would fix it.
 */
import type { DashboardEntry } from '../catalog';
import { customDashboardOrigin, dashboardForHost } from '../catalog';
import { urlFilterHost } from '../domains';

export interface SensitivePageAccess {
  readonly pattern: string;
  readonly host: string | undefined;
  /**
   * protected: host access is there. no-access: the permission in `origin` is missing. not-a-dashboard: the page is on
   * no dashboard Dashguard protects, so nothing asks for its host (add the host as a dashboard).
   */
  readonly state: 'protected' | 'no-access' | 'not-a-dashboard';
  /** The origin pattern to ask for. */
  readonly origin: string | undefined;
}

/** The permission strict mode needs on `host`: the manifest's pattern for a built-in dashboard, the one origin asked for a self-hosted one. */
export function strictModeOrigin(host: string, dashboard: DashboardEntry, builtIn: boolean): string {
  return builtIn ? `https://${host}/*` : customDashboardOrigin(dashboard.hosts[0] ?? host);
}

/** Each page's state, given the dashboards in force and the browser's answer about an origin (`permissions.contains`). */
export async function sensitivePagesAccess(
  patterns: readonly string[],
  dashboards: readonly DashboardEntry[],
  builtInIds: ReadonlySet<string>,
  granted: (origin: string) => Promise<boolean>,
): Promise<SensitivePageAccess[]> {
  return Promise.all(
    patterns.map(async (pattern): Promise<SensitivePageAccess> => {
      const host = urlFilterHost(pattern);
      const dashboard = host === undefined ? undefined : dashboardForHost(dashboards, host);
      if (host === undefined || dashboard === undefined)
        return { pattern, host, state: 'not-a-dashboard', origin: undefined };
      const origin = strictModeOrigin(host, dashboard, builtInIds.has(dashboard.id));
      // A browser that cannot answer is taken as "no access": the warning is shown rather than hidden.
      const has = await granted(origin).catch(() => false);
      return { pattern, host, state: has ? 'protected' : 'no-access', origin };
    }),
  );
}

/** What a person reads about a page that is not protected; undefined when it is. */
export function sensitivePageAccessProblem(access: SensitivePageAccess): string | undefined {
  switch (access.state) {
    case 'protected':
      return undefined;
    case 'no-access':
      return `Not protected: Dashguard has no access to ${access.host ?? 'its host'}, which strict mode needs to add its policy to the page.`;
    case 'not-a-dashboard':
      return 'Not protected: the page is on no dashboard Dashguard protects, so Dashguard cannot have access to it (add its host as a dashboard).';
  }
}
