import vm from 'node:vm';
import { curatedVendors } from '../../rules/catalog/vendors';
import { hostMatchesDomain } from '../../test/e2e/harness/domain-match';
import {
  BENCH_VENDORS,
  createRealisticTraffic,
  LATENCY_MS,
  paddedScript,
  VENDOR_SNIPPET_PATH,
} from './realistic-vendor-traffic';

const SNIPPET = Buffer.from('window.snippetRan = (window.snippetRan || 0) + 1;');

function run(script: Buffer): Record<string, unknown> {
  const window: Record<string, unknown> = {};
  vm.runInNewContext(script.toString('utf8'), { window });
  return window;
}

describe('paddedScript', () => {
  it('is exactly the size asked for', () => {
    for (const bytes of [2_000, 10 * 1024, 100_003]) expect(paddedScript(SNIPPET, bytes).length).toBe(bytes);
  });
  it('is valid JavaScript that runs the snippet and then the generated code', () => {
    const window = run(paddedScript(SNIPPET, 20_000));
    expect(window.snippetRan).toBe(1);
    expect(typeof window.__dgPad).toBe('number');
  });
  it('is the snippet alone when the size leaves no room for more', () => {
    expect(paddedScript(SNIPPET, 10)).toEqual(SNIPPET);
  });
  it('is the same bytes every time, so runs compare like with like', () => {
    expect(paddedScript(SNIPPET, 5_000).equals(paddedScript(SNIPPET, 5_000))).toBe(true);
  });
});

describe('the benchmark vendors', () => {
  it('are curated vendors blocked by default, each host under one of its own domains (so the rules see the real vendor)', () => {
    for (const bench of BENCH_VENDORS) {
      const vendor = curatedVendors.find((v) => v.id === bench.vendorId);
      expect(vendor?.defaultAction).toBe('block');
      const hosts = [...bench.scripts.map((s) => s.host), ...(bench.beaconHost ? [bench.beaconHost] : [])];
      for (const host of hosts) expect(vendor!.domains.some((domain) => hostMatchesDomain(host, domain))).toBe(true);
    }
  });
});

describe('createRealisticTraffic', () => {
  const vendors = [
    { vendorId: 'segment', scripts: [{ host: 'cdn.segment.com', bytes: 8_000 }], beaconHost: 'api.segment.io' },
  ];
  const shape = (host: string, path: string, websocket = false) =>
    createRealisticTraffic(SNIPPET, vendors).shapeResponse({ host, path, method: 'GET', websocket });

  it('answers a vendor script at its real size, after the CDN latency, and counts the bytes', () => {
    const traffic = createRealisticTraffic(SNIPPET, vendors);
    const answer = traffic.shapeResponse({
      host: 'cdn.segment.com',
      path: `${VENDOR_SNIPPET_PATH}?vendor=segment`,
      method: 'GET',
      websocket: false,
    });
    expect(answer?.delayMs).toBe(LATENCY_MS.vendorCdn);
    expect(answer?.asset?.body.length).toBe(8_000);
    expect(answer?.asset?.contentType).toBe('text/javascript');
    traffic.shapeResponse({ host: 'cdn.segment.com', path: VENDOR_SNIPPET_PATH, method: 'GET', websocket: false });
    expect(traffic.scriptBytesServed()).toBe(16_000);
    traffic.reset();
    expect(traffic.scriptBytesServed()).toBe(0);
  });
  it('delays other requests to a script host without replacing them', () => {
    expect(shape('cdn.segment.com', '/dg-fixture/pixel.gif')).toEqual({ delayMs: LATENCY_MS.vendorCdn });
  });
  it('gives collectors, essential vendors and the dashboard their own latency', () => {
    expect(shape('api.segment.io', '/dg-fixture/collect')).toEqual({ delayMs: LATENCY_MS.vendorCollector });
    expect(shape('ws-mt1.pusher.com', '/app/key', true)).toEqual({ delayMs: LATENCY_MS.essential });
    expect(shape('app.launchdarkly.com', '/sdk/goals/x')).toEqual({ delayMs: LATENCY_MS.essential });
    expect(shape('app.circleci.com', '/pipelines')).toEqual({ delayMs: LATENCY_MS.firstParty });
  });
  it('leaves every other host alone', () => {
    expect(shape('unrelated.example', '/dg-fixture/canary')).toBeUndefined();
  });
});
