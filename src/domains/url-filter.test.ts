import { matchesUrlFilter } from './url-filter';

describe('matchesUrlFilter (declarativeNetRequest urlFilter syntax)', () => {
  it.each([
    ['||app.ci.example/settings/tokens', 'https://app.ci.example/settings/tokens', true],
    ['||app.ci.example/settings/tokens', 'https://app.ci.example/settings/tokens/new?x=1', true],
    ['||ci.example/settings', 'https://app.ci.example/settings', true],
    ['||ci.example/settings', 'https://notci.example/settings', false],
    ['||app.ci.example/settings/tokens', 'https://app.ci.example/pipelines?next=/settings/tokens', false],
    ['||app.ci.example/settings/tokens', 'https://evil.example/?u=app.ci.example/settings/tokens', false],
    ['||github.com/*/settings/secrets', 'https://github.com/acme/repo/settings/secrets/actions', true],
    ['||github.com/*/settings/secrets', 'https://github.com/acme/repo/settings', false],
    ['||app.ci.example/Settings', 'https://APP.ci.example/settings', true],
    ['||jenkins.corp.example:8443/credentials', 'https://jenkins.corp.example:8443/credentials/store', true],
    ['||jenkins.corp.example/credentials', 'https://jenkins.corp.example:8443/credentials', false],
    ['||a.example^', 'https://a.example/', true],
    ['||a.example^', 'https://a.examplex/', false],
    ['|https://a.example/x|', 'https://a.example/x', true],
    ['|https://a.example/x|', 'https://a.example/xy', false],
    ['||a.example/a|b', 'https://a.example/a|b', true],
    ['||a.example/a.b', 'https://a.example/aXb', false],
  ])('%s on %s -> %s', (filter, url, expected) => {
    expect(matchesUrlFilter(filter, url)).toBe(expected);
  });
});
