import { normaliseSensitivePage, sensitivePageHost } from './sensitive-page';

describe('normaliseSensitivePage', () => {
  it.each([
    ['https://Jenkins.Corp.Example/credentials/', '||jenkins.corp.example/credentials/'],
    ['jenkins.corp.example/credentials', '||jenkins.corp.example/credentials'],
    ['||jenkins.corp.example/credentials', '||jenkins.corp.example/credentials'],
    ['  http://jenkins.corp.example/job/*/credentials  ', '||jenkins.corp.example/job/*/credentials'],
    ['jenkins.corp.example:8443/credentials', '||jenkins.corp.example:8443/credentials'],
    ['jenkins.corp.example', '||jenkins.corp.example/'],
    ['gitlab.bücher.example/-/profile', '||gitlab.xn--bcher-kva.example/-/profile'],
    ['ci.example.com/réglages', '||ci.example.com/r%C3%A9glages'],
  ])('accepts %j as %s', (input, pattern) => {
    expect(normaliseSensitivePage(input)).toMatchObject({ ok: true, value: { pattern } });
  });

  it.each([
    ['', /Enter the address/],
    ['ci.example.com/settings#tokens', /after "#"/],
    ['ftp://ci.example.com/x', /http and https/],
    ['*.example.com/settings', /wildcard/],
    ['com/settings', /public suffix/],
    ['ci.example.com/a b', /no spaces/],
    ['ci.example.com/a|b', /no spaces, \| or \^/],
    [`ci.example.com/${'a'.repeat(600)}`, /at most 500/],
  ])('refuses %j, saying what is wrong', (input, message) => {
    const result = normaliseSensitivePage(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('reads the host back from a stored filter', () => {
    expect(sensitivePageHost('||jenkins.corp.example:8443/credentials')).toBe('jenkins.corp.example');
    expect(sensitivePageHost('||github.com/*/settings')).toBe('github.com');
    expect(sensitivePageHost('https://x.example/')).toBeUndefined();
  });
});
