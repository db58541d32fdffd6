import type { DashboardEntry, DashboardProfile } from '../../src/catalog/catalog-types';
import { strictModeNeedsOf, withStrictModeNeeds } from './strict-mode-needs';

const source = { where: 'example', seen: '2026' };
const dashboard: DashboardEntry = {
  id: 'ci',
  name: 'CI',
  hosts: ['app.ci.example'],
  ownDomains: ['ci-assets.example'],
  strictMode: {},
};
const profile: DashboardProfile = {
  dashboardId: 'ci',
  needs: [
    { host: 'avatars.example', purpose: 'avatars', loadedAs: 'image', source },
    { host: 'cdn.fonts.example', purpose: 'assets', loadedAs: 'stylesheet', source },
    { host: 'files.fonts.example', purpose: 'assets', loadedAs: 'fetch', source },
    { host: 'login.idp.example', purpose: 'sign-in', loadedAs: 'frame', source },
    { host: 'sdk.idp.example', purpose: 'sign-in', loadedAs: 'script', source },
    { host: 'graph.api.example', purpose: 'app', loadedAs: 'fetch', source },
    // Already the dashboard's own: in every directive anyway.
    { host: 'static.ci-assets.example', purpose: 'assets', loadedAs: 'script', source },
    // Vendors and other pages' business: not on a sensitive page.
    { host: 'js.pay.example', purpose: 'billing', loadedAs: 'script', source },
    { host: 'captcha.example', purpose: 'captcha', loadedAs: 'frame', source },
    { host: 'ws.live.example', purpose: 'realtime', loadedAs: 'fetch', source },
    { host: 'status.example', purpose: 'status', loadedAs: 'fetch', source },
    { host: 'logs.blob.example', purpose: 'logs-artifacts', loadedAs: 'fetch', source },
  ],
  trackers: [],
};

describe('strictModeNeedsOf', () => {
  it("takes the app's own hosts, assets, avatars and sign-in (never its scripts), each for what loads it, and nothing else", () => {
    expect(strictModeNeedsOf(dashboard, profile)).toEqual({
      image: ['avatars.example'],
      script: [],
      connect: ['files.fonts.example', 'graph.api.example'],
      frame: ['login.idp.example'],
      style: ['cdn.fonts.example'],
    });
  });

  it('says nothing for a dashboard without a profile or without such needs', () => {
    expect(strictModeNeedsOf(dashboard, undefined)).toBeUndefined();
    expect(
      strictModeNeedsOf(dashboard, { ...profile, needs: profile.needs.filter((n) => n.purpose === 'billing') }),
    ).toBeUndefined();
  });

  it('writes them into the dashboards the build hands on', () => {
    const [withNeeds, other] = withStrictModeNeeds([dashboard, { ...dashboard, id: 'forge' }], [profile]);
    expect(withNeeds?.strictModeNeeds?.image).toEqual(['avatars.example']);
    expect(other?.strictModeNeeds).toBeUndefined();
  });
});
