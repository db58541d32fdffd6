import { cspOutcome } from '../../test/unit/csp-model';
import { strictModeDomains, strictModePolicy, strictModeRule } from './strict-mode-csp';

describe('strictModePolicy', () => {
  const domains = strictModeDomains({ hosts: ['app.ci.example'], ownDomains: ['ci-assets.example'] }, ['live.example']);
  const policy = strictModePolicy(domains);
  const headers = [{ header: 'Content-Security-Policy', operation: 'append' as const, value: policy }];
  const page = 'https://app.ci.example/settings/tokens';

  it('lets the page use its own origin, its dashboard and the allowed vendors only', () => {
    expect(cspOutcome(headers, page, 'script', 'https://app.ci.example/app.js')).toBe('allowed');
    expect(cspOutcome(headers, page, 'script', 'https://cdn.ci-assets.example/app.js')).toBe('allowed');
    expect(cspOutcome(headers, page, 'websocket', 'wss://ws.live.example/')).toBe('allowed');
    expect(cspOutcome(headers, page, 'websocket', 'wss://ws.tracker.example/')).toBe('refused');
    expect(cspOutcome(headers, 'http://jenkins.corp.example/credentials', 'websocket', 'ws://jenkins.corp.example/ws')).toBe('allowed');
    expect(cspOutcome(headers, page, 'script', 'https://cdn.tracker.example/t.js')).toBe('refused');
    expect(cspOutcome(headers, page, 'xmlhttprequest', 'https://api.tracker.example/collect')).toBe('refused');
    expect(cspOutcome(headers, page, 'ping', 'https://api.tracker.example/beacon')).toBe('refused');
    expect(cspOutcome(headers, page, 'sub_frame', 'https://widget.tracker.example/')).toBe('refused');
    // Images, styles and fonts run no code: left alone.
    expect(cspOutcome(headers, page, 'image', 'https://avatars.example/a.png')).toBe('allowed');
  });

  it('narrows hosts only: inline code is left to the site\'s own policy', () => {
    expect(policy).toMatch(/^script-src 'self' 'unsafe-inline' 'unsafe-eval' blob: /);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/default-src|img-src|style-src/);
  });

  it('writes the report-only header in report-only mode', () => {
    const rule = strictModeRule({ id: 1, priority: 1, urlFilter: '||a.example/x', domains, reportOnly: true });
    expect(rule.action).toMatchObject({ type: 'modifyHeaders', responseHeaders: [{ header: 'Content-Security-Policy-Report-Only', operation: 'append' }] });
    expect(rule.condition).toEqual({ urlFilter: '||a.example/x', resourceTypes: ['main_frame', 'sub_frame'] });
  });
});
