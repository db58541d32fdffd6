import { testCatalog } from '../../test/unit/test-catalog';
import { DEFAULT_SETTINGS, type UserSettings } from '../settings';
import { NO_POLICY, type ManagedPolicy } from '../policy';
import { createDashboardsInForce } from './dashboards-in-force';

const { catalog } = testCatalog();

function dashboards(settings: UserSettings, policy: ManagedPolicy = NO_POLICY) {
  return createDashboardsInForce({ catalog, loadSettings: async () => settings, loadPolicy: async () => policy });
}

describe('the dashboards in force', () => {
  it("tests hosts against the catalog's dashboards, the person's and the organisation's", async () => {
    const settings = { ...DEFAULT_SETTINGS, customDashboards: [{ host: 'jenkins.corp.example', name: 'Jenkins' }] };
    const policy = { ...NO_POLICY, extraDashboards: [{ host: 'gitlab.corp.example', name: 'GitLab' }] };
    const isDashboard = await dashboards(settings, policy).hostTest();
    expect(['app.ci.example', 'forge.example', 'jenkins.corp.example', 'gitlab.corp.example'].map(isDashboard)).toEqual(
      [true, true, true, true],
    );
    expect(isDashboard('elsewhere.example')).toBe(false);
    expect(
      await dashboards(DEFAULT_SETTINGS)
        .hostTest()
        .then((test) => test('jenkins.corp.example')),
    ).toBe(false);
  });

  it("lists the self-hosted dashboards' hosts once, the policy's first, none the catalog already has", async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      customDashboards: [
        { host: 'jenkins.corp.example', name: 'Jenkins' },
        { host: 'gitlab.corp.example', name: 'Mine' },
        { host: 'forge.example', name: 'Forge again' },
      ],
    };
    const policy = { ...NO_POLICY, extraDashboards: [{ host: 'gitlab.corp.example', name: 'GitLab' }] };
    expect(await dashboards(settings, policy).customHosts()).toEqual(['gitlab.corp.example', 'jenkins.corp.example']);
  });
});
