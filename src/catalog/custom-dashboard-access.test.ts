import { createCustomDashboardAccess, type RegisteredScript } from './custom-dashboard-access';

function setup(granted: string[], hosts: string[]) {
  const state = { origins: [...granted], scripts: [] as RegisteredScript[], removed: [] as string[] };
  const access = createCustomDashboardAccess({
    permissions: {
      getAll: async () => ({ origins: [...state.origins] }),
      remove: async ({ origins }) => {
        state.removed.push(...origins);
        state.origins = state.origins.filter((o) => !origins.includes(o));
        return true;
      },
    },
    scripting: {
      getRegisteredContentScripts: async () => state.scripts.map((s) => ({ id: s.id })),
      registerContentScripts: async (scripts) => void state.scripts.push(...scripts),
      unregisterContentScripts: async ({ ids }) =>
        void (state.scripts = state.scripts.filter((s) => !ids.includes(s.id))),
    },
    requiredOrigins: ['https://app.circleci.com/*'],
    loadHosts: async () => hosts,
  });
  return { state, access };
}

describe('createCustomDashboardAccess', () => {
  it('registers the audit script on each custom dashboard it may access, and only there', async () => {
    const { state, access } = setup(
      ['https://app.circleci.com/*', '*://jenkins.corp.example/*'],
      ['jenkins.corp.example', 'gitlab.corp.example'],
    );
    await access.sync();
    expect(state.scripts).toEqual([
      {
        id: 'dashguard-custom-jenkins.corp.example',
        matches: ['*://jenkins.corp.example/*'],
        js: ['content.js'],
        runAt: 'document_start',
        allFrames: true,
      },
      {
        id: 'dashguard-custom-jenkins.corp.example#page-world',
        matches: ['*://jenkins.corp.example/*'],
        js: ['page-world.js'],
        runAt: 'document_start',
        allFrames: true,
        world: 'MAIN',
      },
    ]);
    await access.sync();
    expect(state.scripts).toHaveLength(2);
  });

  it('gives back the access of a removed dashboard and unregisters its script, never a required permission', async () => {
    const { state, access } = setup(
      ['https://app.circleci.com/*', '*://jenkins.corp.example/*'],
      ['jenkins.corp.example'],
    );
    await access.sync();
    const removedLater = setup([...state.origins], []);
    removedLater.state.scripts = [...state.scripts];
    await removedLater.access.sync();
    expect(removedLater.state.removed).toEqual(['*://jenkins.corp.example/*']);
    expect(removedLater.state.origins).toEqual(['https://app.circleci.com/*']);
    expect(removedLater.state.scripts).toEqual([]);
  });

  it('keeps access just granted for a dashboard whose save has not arrived yet', async () => {
    const { state, access } = setup(['*://jenkins.corp.example/*'], []);
    await access.sync({ giveBackStale: false });
    expect(state.origins).toEqual(['*://jenkins.corp.example/*']);
    expect(state.scripts).toEqual([]);
  });
});
