import { testCatalog } from '../../test/unit/test-catalog';
import { allDashboards, dashboardForHost, dashboardMatchesRef } from './dashboards';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';

const { catalog } = testCatalog();

describe('dashboards in force', () => {
  const settings = {
    ...DEFAULT_SETTINGS,
    customDashboards: [
      { host: 'jenkins.corp.example', name: 'Mine' },
      { host: 'app.ci.example', name: 'dup' },
    ],
  };
  const policy = { ...NO_POLICY, extraDashboards: [{ host: 'jenkins.corp.example', name: 'Org' }] };
  const dashboards = allDashboards(catalog, settings, policy);

  it("lists the catalog's, then the organisation's (which wins a shared host), without built-in duplicates", () => {
    expect(dashboards.map((d) => `${d.id}:${d.name}`)).toEqual(['ci:CI', 'forge:Forge', 'jenkins.corp.example:Org']);
  });

  it('finds the dashboard of a page host like the rules do', () => {
    expect(dashboardForHost(dashboards, 'app.ci.example')?.id).toBe('ci');
    expect(dashboardForHost(dashboards, 'eu.app.ci.example')?.id).toBe('ci');
    expect(dashboardForHost(dashboards, 'www.app.ci.example')).toBeUndefined();
    expect(dashboardForHost(dashboards, 'docs.app.ci.example')).toBeUndefined();
    expect(dashboardForHost(dashboards, 'JENKINS.corp.example.')?.id).toBe('jenkins.corp.example');
    expect(dashboardForHost(dashboards, 'corp.example')).toBeUndefined();
  });

  it('matches a reference by id or host', () => {
    const ci = dashboards[0]!;
    expect(dashboardMatchesRef(ci, 'ci')).toBe(true);
    expect(dashboardMatchesRef(ci, 'app.ci.example')).toBe(true);
    expect(dashboardMatchesRef(ci, 'forge')).toBe(false);
  });
});
