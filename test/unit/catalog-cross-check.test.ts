/**
 * Convention tests on the real catalog: it builds, it names the vendors and dashboards the product promises, and
 * every curated decision that disagrees with third-party-web carries an explanation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getEntity } from 'third-party-web';
import { categories } from '../../rules/catalog/categories';
import { dashboardProfiles } from '../../rules/catalog/dashboard-profiles';
import { dashboards } from '../../rules/catalog/dashboards';
import { curatedVendors } from '../../rules/catalog/vendors';
import { buildCatalog } from '../../scripts/catalog/build-catalog';
import {
  THIRD_PARTY_WEB_BLOCKED_CATEGORIES,
  type ThirdPartyWebEntity,
} from '../../scripts/catalog/merge-third-party-web';
import { renderCatalogTables, replaceGeneratedSection } from '../../scripts/readme-tables';
import { dashboardScope } from '../../src/catalog/runtime-catalog';
import { hostMatchesAny } from '../../src/domains/host-match';

const root = path.resolve(__dirname, '..', '..');
const thirdPartyWeb = JSON.parse(
  readFileSync(require.resolve('third-party-web/dist/entities.json'), 'utf8'),
) as ThirdPartyWebEntity[];
const build = buildCatalog({ categories, curatedVendors, dashboards, thirdPartyWeb });

describe('the real catalog', () => {
  it('builds without errors', () => {
    expect(build.ok ? [] : build.errors).toEqual([]);
  });

  it('has at least 40 curated vendors, including every vendor of the 2017 CircleCI report', () => {
    expect(curatedVendors.length).toBeGreaterThanOrEqual(40);
    const names = curatedVendors.map((v) => v.name.toLowerCase()).join('|');
    for (const name of [
      'pusher',
      'launchdarkly',
      'amplitude',
      'segment',
      'appcues',
      'quora',
      'optimizely',
      'intercom',
      'zendesk',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('keeps what the dashboards need and blocks the trackers', () => {
    const byDomain = (domain: string) => curatedVendors.find((v) => v.domains.includes(domain));
    expect(byDomain('pusher.com')?.defaultAction).toBe('allow');
    expect(byDomain('launchdarkly.com')?.defaultAction).toBe('allow');
    expect(byDomain('amplitude.com')?.defaultAction).toBe('block');
    for (const vendor of curatedVendors.filter((v) => ['realtime', 'feature-flags', 'payments'].includes(v.category))) {
      expect(vendor.defaultAction).toBe('allow');
    }
  });

  it('takes about 1,450 entities from third-party-web', () => {
    if (!build.ok) throw new Error('catalog did not build');
    const fromTpw = build.catalog.vendors.filter((v) => v.source === 'third-party-web').length;
    expect(fromTpw).toBeGreaterThan(1_300);
  });

  it('covers the CI dashboards the product promises, and not their marketing sites', () => {
    const scope = dashboardScope(dashboards);
    const covered = (host: string): boolean =>
      hostMatchesAny(host, scope.initiatorDomains) && !hostMatchesAny(host, scope.excludedInitiatorDomains);
    for (const host of [
      'app.circleci.com',
      'github.com',
      'gitlab.com',
      'buildkite.com',
      'app.travis-ci.com',
      'bitbucket.org',
      'dev.azure.com',
      'app.netlify.com',
      'vercel.com',
      'app.bitrise.io',
      'semaphoreci.com',
      'myorg.semaphoreci.com',
      'ci.appveyor.com',
      'app.harness.io',
      'g.codefresh.io',
    ]) {
      expect([host, covered(host)]).toEqual([host, true]);
    }
    for (const host of [
      'cirrus-ci.com',
      'circleci.com',
      'www.github.com',
      'www.gitlab.com',
      'www.semaphoreci.com',
      'example.com',
    ]) {
      expect([host, covered(host)]).toEqual([host, false]);
    }
  });
});

describe('curated vendors against third-party-web', () => {
  const blocked = new Set(Object.keys(THIRD_PARTY_WEB_BLOCKED_CATEGORIES));
  const unexplained: string[] = [];
  for (const vendor of curatedVendors) {
    for (const domain of vendor.domains) {
      const entity = getEntity(`https://${domain}/`);
      if (entity === undefined) continue;
      const theirs = blocked.has(entity.category) ? 'block' : 'allow';
      if (theirs !== vendor.defaultAction && vendor.thirdPartyWebNote === undefined) {
        unexplained.push(
          `${vendor.id}: ${domain} is "${entity.name}" (${entity.category}) there, so ${theirs}; we ${vendor.defaultAction} without a thirdPartyWebNote`,
        );
      }
    }
  }
  it('every disagreement is explained in the catalog', () => {
    expect(unexplained).toEqual([]);
  });
});

describe('README', () => {
  it('shows the current catalog tables (run `npm run docs:vendors` when this fails)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(
      replaceGeneratedSection(readme, renderCatalogTables(curatedVendors, dashboards, categories, dashboardProfiles)),
    ).toBe(readme);
  });
});
