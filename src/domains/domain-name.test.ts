import { hostMatchesAny, hostMatchesDomain, isWellFormedHost, normaliseDomain, registrableDomain } from './domain-name';
import { hostOf } from './host-match';

describe('hostOf', () => {
  it.each([
    ['https://cdn.amplitude.com/libs/a.js', 'cdn.amplitude.com'],
    ['https://CDN.Amplitude.COM/a.js', 'cdn.amplitude.com'],
    ['https://cdn.tracker.example./t.js', 'cdn.tracker.example'],
    ['https://collector.example.com:4318/v1/logs', 'collector.example.com'],
    ['wss://ws.pusher.example/app?x=1#y', 'ws.pusher.example'],
    ['https://user:pass@app.ci.example/settings', 'app.ci.example'],
    ['https://[::1]:8080/', '[::1]'],
    ['not a url', ''],
    ['', ''],
    ['/relative/path', ''],
  ])('%s -> %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});

describe('hostMatchesDomain', () => {
  it.each([
    ['amplitude.com', 'amplitude.com', true],
    ['cdn.amplitude.com', 'amplitude.com', true],
    ['a.b.amplitude.com', 'amplitude.com', true],
    ['notamplitude.com', 'amplitude.com', false],
    ['amplitude.com.evil.io', 'amplitude.com', false],
    ['amplitude.com', 'cdn.amplitude.com', false],
    ['com', 'amplitude.com', false],
  ])('%s under %s -> %s', (host, domain, expected) => {
    expect(hostMatchesDomain(host, domain)).toBe(expected);
  });

  it('matches any of several domains', () => {
    expect(hostMatchesAny('js.pusher.com', ['pusherapp.com', 'pusher.com'])).toBe(true);
    expect(hostMatchesAny('pusher.co', ['pusherapp.com', 'pusher.com'])).toBe(false);
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['Jenkins.Example.COM', 'jenkins.example.com'],
    ['  ci.example.com  ', 'ci.example.com'],
    ['ci.example.com.', 'ci.example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['gitlab.corp.co.uk', 'gitlab.corp.co.uk'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normaliseDomain(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /Enter a domain/],
    ['   ', /Enter a domain/],
    ['com', /public suffix/],
    ['co.uk', /public suffix/],
    ['*.example.com', /Wildcards/],
    ['*.co.uk', /Wildcards/],
    ['https://ci.example.com/job/x', /without https/],
    ['ci.example.com/job', /without https/],
    ['ci.example.com:8080', /port/],
    ['192.168.1.10', /IP address/],
    ['exa mple.com', /not a valid/],
    ['-bad.example.com', /not a valid/],
    [`${'a'.repeat(64)}.example.com`, /not a valid/],
    [`${'a.'.repeat(130)}com`, /at most 253/],
  ])('refuses %j with a message', (input, message) => {
    const result = normaliseDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('private suffixes', () => {
  it('are refused from a person but accepted from the catalog', () => {
    expect(normaliseDomain('github.io').ok).toBe(false);
    expect(normaliseDomain('githubusercontent.com', { allowPrivateSuffix: true })).toEqual({
      ok: true,
      value: 'githubusercontent.com',
    });
    expect(normaliseDomain('co.uk', { allowPrivateSuffix: true }).ok).toBe(false);
  });
});

describe('isWellFormedHost', () => {
  it('needs at least two labels and valid characters', () => {
    expect(isWellFormedHost('app.circleci.com')).toBe(true);
    expect(isWellFormedHost('localhost')).toBe(false);
    expect(isWellFormedHost('a..b')).toBe(false);
    expect(isWellFormedHost('UPPER.com')).toBe(false);
  });
});

describe('registrableDomain', () => {
  it('uses the public suffix list', () => {
    expect(registrableDomain('github.githubassets.com')).toBe('githubassets.com');
    expect(registrableDomain('ci.corp.co.uk')).toBe('corp.co.uk');
    expect(registrableDomain('localhost')).toBe('localhost');
  });
});
