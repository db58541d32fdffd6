import { hostMatchesAny, hostMatchesDomain, hostOf, isWellFormedHost } from './host-match';

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

describe('isWellFormedHost', () => {
  it('needs at least two labels and valid characters', () => {
    expect(isWellFormedHost('app.circleci.com')).toBe(true);
    expect(isWellFormedHost('localhost')).toBe(false);
    expect(isWellFormedHost('a..b')).toBe(false);
    expect(isWellFormedHost('UPPER.com')).toBe(false);
  });
});
