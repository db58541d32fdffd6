import { mergeThirdPartyWeb } from './merge-third-party-web';
import type { DashboardEntry, VendorEntry } from '../../src/catalog/catalog-types';

const curated: VendorEntry[] = [
  { id: 'amp', name: 'Amp', category: 'analytics', domains: ['amp.example'], defaultAction: 'block', reason: 'r' },
];
const dashboards: DashboardEntry[] = [
  { id: 'ci', name: 'CI', hosts: ['app.ci.example'], ownDomains: ['ci-cdn.example'] },
];

describe('mergeThirdPartyWeb', () => {
  const { vendors, dropped } = mergeThirdPartyWeb(
    [
      { name: 'Ad Net', category: 'ad', domains: ['*.adnet.example', 'adnet-cdn.example'] },
      { name: 'Amp Mobile', category: 'analytics', domains: ['*.amp.example', 'amp-extra.example'] },
      { name: 'A CDN', category: 'cdn', domains: ['*.cdn.example'] },
      { name: 'Sneaky', category: 'marketing', domains: ['*.ci.example'] },
      { name: 'Copy Cat', category: 'social', domains: ['adnet-cdn.example'] },
      { name: 'Consent Co', category: 'consent-provider', domains: ['consent.example'] },
      { name: 'Help Desk', category: 'customer-success', domains: ['help.example'] },
    ],
    curated,
    dashboards,
  );
  const byName = new Map(vendors.map((v) => [v.name, v]));

  it('takes only the blocked categories, mapped to Dashguard categories', () => {
    expect([...byName.keys()].sort()).toEqual(['Ad Net', 'Amp Mobile', 'Consent Co', 'Help Desk']);
    expect(byName.get('Ad Net')).toMatchObject({
      id: 'tpw-ad-net',
      category: 'advertising',
      defaultAction: 'block',
      source: 'third-party-web',
      domains: ['adnet-cdn.example', 'adnet.example'],
    });
    expect(byName.get('Consent Co')?.category).toBe('consent');
    expect(byName.get('Help Desk')?.category).toBe('support-widget');
  });

  it('lets curated vendors win a shared domain', () => {
    expect(byName.get('Amp Mobile')?.domains).toEqual(['amp-extra.example']);
    expect(dropped).toContainEqual({
      entity: 'Amp Mobile',
      domain: 'amp.example',
      because: 'covered by the curated domain amp.example',
    });
  });

  it('never blocks a domain that overlaps a dashboard', () => {
    expect(byName.has('Sneaky')).toBe(false);
    expect(dropped.find((d) => d.entity === 'Sneaky')?.because).toMatch(/dashboard domain app.ci.example/);
  });

  it('gives a domain to one entity only', () => {
    expect(byName.has('Copy Cat')).toBe(false);
  });
});

describe('mergeThirdPartyWeb and platform domains', () => {
  const platform = [
    { domain: 'bigsoft.example', company: 'BigSoft', serves: 'sign-in and APIs' },
    { domain: 'social.example', company: 'Social', serves: 'sign-in', productHosts: ['www.social.example'] },
  ];
  const curatedAds: VendorEntry[] = [
    {
      id: 'uet',
      name: 'BigSoft UET',
      category: 'advertising',
      domains: ['bat.search.example'],
      defaultAction: 'block',
      reason: 'r',
    },
  ];
  const { vendors, dropped } = mergeThirdPartyWeb(
    [
      {
        name: 'BigSoft Ads',
        category: 'ad',
        domains: ['*.bigsoft.example', '*.search.example', 'ads.bigsoft.example', 'bigsoft-ads.example'],
      },
      {
        name: 'Social Ads',
        category: 'ad',
        domains: ['*.ads.social.example', 'www.social.example', 'pixel.social.example'],
      },
    ],
    curatedAds,
    dashboards,
    platform,
  );
  const byName = new Map(vendors.map((v) => [v.name, v]));

  it('never takes a platform domain whole, only the tracking hosts an entity names under it', () => {
    expect(byName.get('BigSoft Ads')?.domains).toEqual(['ads.bigsoft.example', 'bigsoft-ads.example']);
    expect(dropped).toContainEqual({
      entity: 'BigSoft Ads',
      domain: 'bigsoft.example',
      because: 'bigsoft.example is a platform domain of BigSoft (sign-in and APIs): never blocked whole',
    });
  });

  it('lets a curated vendor naming a narrower host of the company win over the broad domain', () => {
    expect(dropped).toContainEqual({
      entity: 'BigSoft Ads',
      domain: 'search.example',
      because: 'a curated vendor names the narrower host bat.search.example',
    });
  });

  it('never takes a product host, even when an entity lists it', () => {
    expect(byName.get('Social Ads')?.domains).toEqual(['ads.social.example', 'pixel.social.example']);
    expect(dropped).toContainEqual({
      entity: 'Social Ads',
      domain: 'www.social.example',
      because: "www.social.example serves Social's product, not tracking",
    });
  });
});
