import { dashboards } from '../../rules/catalog/dashboards';
import { firstPartyTelemetryVendors } from '../../rules/catalog/first-party-telemetry';
import contentScopeJson from '../../rules/generated/content-scope.json';
import { catalogPagesFor } from '../strict-mode/sensitive-route';
import { contentScopeOf, type ContentScope } from './content-scope';
import { pageScope } from './observation-filter';

const scope = contentScopeOf(dashboards, firstPartyTelemetryVendors);

describe('content scope', () => {
  it('is what the build wrote for the content script', () => {
    expect(contentScopeJson as ContentScope).toEqual(scope);
  });

  it('gives every dashboard host the same first parties and sensitive pages as the whole catalog', () => {
    const named = firstPartyTelemetryVendors.flatMap((v) => v.domains);
    expect(scope.namedHosts).toEqual(named);
    expect(named.length).toBeGreaterThan(0);
    const hosts = dashboards.flatMap((d) => d.hosts.flatMap((h) => [h, `team.${h}`])).concat('ci.example.com');
    for (const host of hosts) {
      expect(pageScope(host, scope.dashboards, scope.namedHosts)).toEqual(pageScope(host, dashboards, named));
      expect(catalogPagesFor(host, scope.dashboards)).toEqual(catalogPagesFor(host, dashboards));
    }
    expect(catalogPagesFor('github.com', scope.dashboards).length).toBeGreaterThan(0);
  });

  it('carries none of the fields only the background reads', () => {
    const text = JSON.stringify(contentScopeJson);
    expect(text).not.toContain('strictMode');
    expect(text).not.toContain('userContentDomains');
    expect(text.length).toBeLessThan(JSON.stringify(dashboards).length / 2);
  });
});
