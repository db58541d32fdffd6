import { coveredTabs, createDashboardTabs, webHostOf, type DashboardTabsDeps } from './dashboard-tabs';

const DASHBOARDS = ['app.ci.example', 'jenkins.corp.example'];

function setup(open: { id: number; url: string; visible?: boolean }[] = [], dashboards: string[] = DASHBOARDS) {
  let hosts = dashboards;
  const deps: DashboardTabsDeps = {
    // tabs.query hides the URL of hosts Dashguard may not access; webNavigation.getFrame shows every one.
    tabs: { query: async () => open.map((tab) => ({ id: tab.id, ...(tab.visible ? { url: tab.url } : {}) })) },
    frames: { getFrame: async ({ tabId }) => ({ url: open.find((tab) => tab.id === tabId)?.url }) },
    loadIsDashboardHost: async () => {
      const now = hosts;
      return (host) => now.includes(host);
    },
  };
  return { tabs: createDashboardTabs(deps), setDashboards: (next: string[]) => (hosts = next), open };
}

describe('webHostOf', () => {
  it('gives the host of web pages only', () => {
    expect(webHostOf('https://App.CI.example./x')).toBe('app.ci.example');
    expect(webHostOf('about:blank')).toBe('');
    expect(webHostOf('data:text/html,hi')).toBe('');
    expect(webHostOf('not a url')).toBe('');
  });
});

describe('coveredTabs', () => {
  const isDashboard = (host: string): boolean => DASHBOARDS.includes(host);
  it('covers a tab heading for a dashboard at once, and one leaving except for the site it leaves for', () => {
    const states = new Map([
      [1, { pending: 'app.ci.example' }],
      [2, { committed: 'app.ci.example', pending: 'unrelated.example' }],
      [3, { committed: 'app.ci.example', pending: '' }],
      [4, { committed: 'app.ci.example' }],
    ]);
    expect(coveredTabs(states, isDashboard)).toEqual([
      { tabId: 1, host: 'app.ci.example' },
      { tabId: 2, host: 'app.ci.example', leavingFor: 'unrelated.example' },
      { tabId: 3, host: 'app.ci.example' },
      { tabId: 4, host: 'app.ci.example' },
    ]);
  });
});

describe('createDashboardTabs', () => {
  it('starts from the open tabs, whatever hosts the tabs API shows', async () => {
    const { tabs } = setup([
      { id: 1, url: 'https://app.ci.example/p' },
      { id: 2, url: 'https://unrelated.example/' },
      { id: 3, url: 'https://jenkins.corp.example/job', visible: true },
    ]);
    expect(await tabs.list()).toEqual([
      { tabId: 1, host: 'app.ci.example' },
      { tabId: 3, host: 'jenkins.corp.example' },
    ]);
  });

  it('follows a tab from another site to a dashboard and back, and forgets it when it closes', async () => {
    const { tabs } = setup([{ id: 1, url: 'https://unrelated.example/' }]);
    expect(await tabs.navigating(1, 'https://app.ci.example/p')).toBe(true);
    expect(await tabs.list()).toEqual([{ tabId: 1, host: 'app.ci.example' }]);
    expect(await tabs.committed(1, 'https://app.ci.example/p')).toBe(false);
    // A navigation within the dashboard changes nothing.
    expect(await tabs.navigating(1, 'https://app.ci.example/q')).toBe(false);
    expect(await tabs.committed(1, 'https://app.ci.example/q')).toBe(false);
    expect(await tabs.navigating(1, 'https://other.example/')).toBe(true);
    expect(await tabs.list()).toEqual([{ tabId: 1, host: 'app.ci.example', leavingFor: 'other.example' }]);
    expect(await tabs.committed(1, 'https://other.example/')).toBe(true);
    expect(await tabs.list()).toEqual([]);
    await tabs.navigating(1, 'https://app.ci.example/p');
    expect(await tabs.removed(1)).toBe(true);
    expect(await tabs.list()).toEqual([]);
  });

  it('keeps the cover of a dashboard whose navigation away failed, and drops a navigation to one that failed', async () => {
    const { tabs } = setup([
      { id: 1, url: 'https://app.ci.example/p' },
      { id: 2, url: 'https://unrelated.example/' },
    ]);
    await tabs.navigating(1, 'https://downloads.example/file.zip');
    expect(await tabs.failed(1)).toBe(true);
    expect(await tabs.list()).toEqual([{ tabId: 1, host: 'app.ci.example' }]);
    await tabs.navigating(2, 'https://app.ci.example/p');
    expect(await tabs.failed(2)).toBe(true);
    expect(await tabs.list()).toEqual([{ tabId: 1, host: 'app.ci.example' }]);
  });

  it('ignores navigations of tabs that never touch a dashboard', async () => {
    const { tabs } = setup();
    expect(await tabs.navigating(5, 'https://unrelated.example/')).toBe(false);
    expect(await tabs.committed(5, 'https://unrelated.example/')).toBe(false);
    expect(await tabs.failed(5)).toBe(false);
    expect(await tabs.navigating(-1, 'https://app.ci.example/')).toBe(false);
  });

  it('looks at the open tabs again when the dashboards change', async () => {
    const { tabs, setDashboards } = setup([{ id: 1, url: 'https://ci.new.example/' }]);
    expect(await tabs.list()).toEqual([]);
    setDashboards([...DASHBOARDS, 'ci.new.example']);
    expect(await tabs.refresh()).toBe(true);
    expect(await tabs.list()).toEqual([{ tabId: 1, host: 'ci.new.example' }]);
  });

  it('applies events in the order they came, after the open tabs are read', async () => {
    const { tabs } = setup([{ id: 1, url: 'https://app.ci.example/' }]);
    const results = await Promise.all([
      tabs.navigating(1, 'https://x.example/'),
      tabs.committed(1, 'https://x.example/'),
      tabs.navigating(1, 'https://app.ci.example/'),
    ]);
    expect(results).toEqual([true, true, true]);
    expect(await tabs.list()).toEqual([{ tabId: 1, host: 'app.ci.example' }]);
  });
});
