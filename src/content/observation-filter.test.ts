import { dashboards } from '../../rules/catalog/dashboards';
import { AUDIT_LIMITS } from '../audit/audit-limits';
import {
  forgetOldestSettled,
  isFetchedScriptType,
  pageScope,
  resourceTypeOf,
  resourceTypeOfDirective,
  serialisedThirdPartyUrl,
  thirdPartyUrl,
} from './observation-filter';

const PAGE = 'https://github.com/org/repo/actions';
const scope = pageScope('github.com', dashboards);

describe('serialisedThirdPartyUrl', () => {
  const named = pageScope('github.com', dashboards, ['collector.github.com']);
  // What Resource Timing names look like: URLs as the browser serialised them, awkward ones included.
  const serialised = [
    'https://github.com/org/repo',
    'https://api.github.com/graphql?x=1',
    'https://collector.github.com/github/collect',
    'https://cdn.segment.com/analytics.js/v1/key/analytics.min.js',
    'https://cdn.segment.com:8443/a.js',
    'https://cdn.segment.com',
    'wss://ws-mt1.pusher.com/app/key?protocol=7',
    'http://203.0.113.9/p.gif',
    'http://[2001:db8::1]/p.gif',
    'https://user:token@cdn.example/a.js',
    'https://user@cdn.example/a.js',
    'https://cdn.example/a.js#frag',
    'https://cdn.example/path/@scope/pkg.js?q=a:b@c',
    'https://xn--bcher-kva.example/idn.js',
    'https://trailing.example./a.js',
    'https://under_score.example/a.js',
    `https://x.example/?q=${'a'.repeat(10_000)}`,
    'blob:https://github.com/1',
    'data:image/gif;base64,R0lGODlh',
    'ftp://files.example/a',
  ];

  it('answers exactly as parsing the URL does, for URLs the browser serialised', () => {
    for (const url of serialised) {
      const href = new URL(url).href;
      expect(serialisedThirdPartyUrl(href, () => PAGE, named)).toEqual(thirdPartyUrl(href, PAGE, named));
    }
  });

  it('reads the base only when it parses', () => {
    const base = jest.fn(() => PAGE);
    expect(serialisedThirdPartyUrl('https://cdn.segment.com/a.js', base, scope)?.host).toBe('cdn.segment.com');
    expect(serialisedThirdPartyUrl('https://github.com/x', base, scope)).toBeUndefined();
    expect(base).not.toHaveBeenCalled();
    expect(serialisedThirdPartyUrl('https://u:p@cdn.segment.com/a.js#f', base, scope)?.url).toBe(
      'https://cdn.segment.com/a.js',
    );
    expect(base).toHaveBeenCalledTimes(1);
  });
});

describe('thirdPartyUrl', () => {
  it("drops the page's own host and its dashboard's own domains", () => {
    expect(thirdPartyUrl('/assets/app.js', PAGE, scope)).toBeUndefined();
    expect(thirdPartyUrl('https://api.github.com/graphql', PAGE, scope)).toBeUndefined();
    expect(thirdPartyUrl('https://github.githubassets.com/assets/x.js', PAGE, scope)).toBeUndefined();
  });

  it('keeps third parties, without the fragment, cut to the audit limit', () => {
    expect(thirdPartyUrl('https://cdn.segment.com/a.js#frag', PAGE, scope)).toEqual({
      url: 'https://cdn.segment.com/a.js',
      urlTruncated: false,
      host: 'cdn.segment.com',
    });
    expect(thirdPartyUrl('wss://ws-mt1.pusher.com/app/x', PAGE, scope)?.host).toBe('ws-mt1.pusher.com');
    const long = thirdPartyUrl(`https://x.example/?q=${'a'.repeat(10_000)}`, PAGE, scope);
    expect(long?.url).toHaveLength(AUDIT_LIMITS.urlLength);
    expect(long?.urlTruncated).toBe(true);
  });

  it('turns IDN hosts into punycode and refuses what is not a network URL', () => {
    expect(thirdPartyUrl('https://bücher.example/a.js', PAGE, scope)?.host).toBe('xn--bcher-kva.example');
    expect(thirdPartyUrl('javascript:alert(1)', PAGE, scope)).toBeUndefined();
    expect(thirdPartyUrl('data:text/javascript,1', PAGE, scope)).toBeUndefined();
    expect(thirdPartyUrl('blob:https://github.com/1', PAGE, scope)).toBeUndefined();
    expect(thirdPartyUrl('http://[::1', PAGE, scope)).toBeUndefined();
  });

  it('never keeps credentials written into a URL', () => {
    expect(thirdPartyUrl('https://user:secret@cdn.segment.com/a.js', PAGE, scope)?.url).toBe(
      'https://cdn.segment.com/a.js',
    );
    expect(thirdPartyUrl('https://token@x.example/a.js', PAGE, scope)?.url).toBe('https://x.example/a.js');
  });

  it('knows no own domains on a page that is not in the catalog', () => {
    expect(pageScope('ci.example.com', dashboards)).toEqual({
      pageHost: 'ci.example.com',
      ownDomains: [],
      namedHosts: [],
      hostAnswers: new Map(),
    });
  });
});

describe('answers remembered per host', () => {
  it('stay right past the number of hosts kept, for a page that makes up host names by the thousand', () => {
    const own = pageScope('github.com', dashboards);
    for (let n = 0; n < 2_500; n += 1) {
      expect(serialisedThirdPartyUrl(`https://h${n}.x.example/p`, () => PAGE, own)?.host).toBe(`h${n}.x.example`);
      expect(serialisedThirdPartyUrl(`https://h${n}.githubassets.com/p`, () => PAGE, own)).toBeUndefined();
      expect(own.hostAnswers.size).toBeLessThanOrEqual(1_000);
    }
    expect(thirdPartyUrl('https://h0.x.example/again', PAGE, own)?.host).toBe('h0.x.example');
    expect(thirdPartyUrl('https://github.com/again', PAGE, own)).toBeUndefined();
  });
});

describe('hosts inside the own domains that a vendor names', () => {
  it('are reported although they are first party; the rest of the own domains is not', () => {
    const named = pageScope('app.bitrise.io', dashboards, ['pa-events-api.bitrise.io']);
    expect(thirdPartyUrl('https://pa-events-api.bitrise.io/v1/t', 'https://app.bitrise.io/', named)?.host).toBe(
      'pa-events-api.bitrise.io',
    );
    expect(thirdPartyUrl('https://api.bitrise.io/v0.1/me', 'https://app.bitrise.io/', named)).toBeUndefined();
    expect(
      thirdPartyUrl(
        'https://pa-events-api.bitrise.io/v1/t',
        'https://app.bitrise.io/',
        pageScope('app.bitrise.io', dashboards),
      ),
    ).toBeUndefined();
  });
});

describe('resource types', () => {
  it('maps Resource Timing initiator types and CSP directives to declarativeNetRequest types', () => {
    expect(
      ['script', 'img', 'fetch', 'xmlhttprequest', 'beacon', 'iframe', 'css', 'link', 'other'].map((t) =>
        resourceTypeOf(t, 'https://x.example/a.css'),
      ),
    ).toEqual([
      'script',
      'image',
      'xmlhttprequest',
      'xmlhttprequest',
      'ping',
      'sub_frame',
      'image',
      'stylesheet',
      'other',
    ]);
    expect(resourceTypeOf('css', 'https://x.example/f.woff2')).toBe('font');
    expect(resourceTypeOfDirective('script-src-elem', 'https://x.example/a.js')).toBe('script');
    expect(resourceTypeOfDirective('connect-src', 'wss://x.example/s')).toBe('websocket');
    expect(resourceTypeOfDirective('connect-src', 'https://x.example/api')).toBe('xmlhttprequest');
    expect(resourceTypeOfDirective('frame-src', 'https://x.example/')).toBe('sub_frame');
  });

  it('knows which script elements are fetched', () => {
    expect(
      [null, '', 'module', 'text/javascript', 'application/ecmascript'].map((t) => isFetchedScriptType(t, false)),
    ).toEqual([true, true, true, true, true]);
    expect(isFetchedScriptType('text/template', false)).toBe(false);
    expect(isFetchedScriptType('application/json', false)).toBe(false);
    expect(isFetchedScriptType(null, true)).toBe(false);
  });
});

describe('forgetOldestSettled', () => {
  it('lets the map grow a quarter past its limit, then forgets the oldest settled entries down to it', () => {
    const map = new Map<number, { settled: boolean }>();
    for (let i = 0; i < 125; i += 1) map.set(i, { settled: i % 10 !== 0 });
    forgetOldestSettled(map, 100);
    expect(map.size).toBe(125);
    map.set(125, { settled: false });
    forgetOldestSettled(map, 100);
    expect(map.size).toBe(100);
    // The 26 oldest settled ones went (1-9, 11-19, 21-28); the unsettled ones (every tenth) stay, however old.
    expect([...map.keys()].slice(0, 5)).toEqual([0, 10, 20, 29, 30]);
    expect(map.has(125)).toBe(true);
  });

  it('keeps every entry that still waits for its outcome', () => {
    const map = new Map<number, { settled: boolean }>();
    for (let i = 0; i < 300; i += 1) map.set(i, { settled: false });
    forgetOldestSettled(map, 100);
    expect(map.size).toBe(300);
  });
});
