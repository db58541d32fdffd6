import { testCatalog } from '../../test/unit/test-catalog';
import { customDashboardEntry } from '../catalog/dashboards';
import { sensitivePageAccessProblem, sensitivePagesAccess } from './strict-mode-access';

const { catalog } = testCatalog();
const jenkins = customDashboardEntry({ host: 'jenkins.corp.example', name: 'Jenkins' });
const dashboards = [...catalog.dashboards, jenkins];
const builtIn = new Set(catalog.dashboards.map((d) => d.id));

describe('sensitivePagesAccess', () => {
  it("asks for the self-hosted dashboard's own origin, or the built-in host, and says which pages lack it", async () => {
    const granted = new Set(['https://app.ci.example/*']);
    const access = await sensitivePagesAccess(
      ['||app.ci.example/settings/tokens', '||jenkins.corp.example/credentials', '||elsewhere.example/secrets'],
      dashboards,
      builtIn,
      async (origin) => granted.has(origin),
    );
    expect(access).toEqual([
      {
        pattern: '||app.ci.example/settings/tokens',
        host: 'app.ci.example',
        state: 'protected',
        origin: 'https://app.ci.example/*',
      },
      {
        pattern: '||jenkins.corp.example/credentials',
        host: 'jenkins.corp.example',
        state: 'no-access',
        origin: '*://jenkins.corp.example/*',
      },
      {
        pattern: '||elsewhere.example/secrets',
        host: 'elsewhere.example',
        state: 'not-a-dashboard',
        origin: undefined,
      },
    ]);
    expect(access.map(sensitivePageAccessProblem)).toEqual([
      undefined,
      'Not protected: Dashguard has no access to jenkins.corp.example, which strict mode needs to add its policy to the page.',
      expect.stringMatching(/on no dashboard Dashguard protects/),
    ]);
  });

  it('shows the warning when the browser cannot answer', async () => {
    const [access] = await sensitivePagesAccess(
      ['||jenkins.corp.example/credentials'],
      dashboards,
      builtIn,
      async () => {
        throw new Error('permissions unavailable');
      },
    );
    expect(access?.state).toBe('no-access');
  });
});
