import { cspOutcome } from '../../test/unit/csp-model';
import type { DnrHeaderOperation, ResourceType } from '../rules/dnr-rule';
import { STRICT_MODE_MARKER } from './document-strict-mode';
import {
  UNKNOWN_DASHBOARD_ALLOWANCES,
  strictModeAllows,
  strictModePolicy,
  strictModeRule,
  strictModeSources,
} from './strict-mode-csp';

const DASHBOARD = {
  hosts: ['app.ci.example'],
  ownDomains: ['ci-assets.example', 'ci-uploads.example'],
  userContentDomains: ['ci-uploads.example'],
  strictMode: {},
};
const PAGE = 'https://app.ci.example/settings/tokens';

describe('strictModePolicy', () => {
  const sources = strictModeSources(DASHBOARD, ['live.example']);
  const policy = strictModePolicy(sources);
  const headers: DnrHeaderOperation[] = [{ header: 'Content-Security-Policy', operation: 'append', value: policy }];
  const outcome = (type: ResourceType, url: string, page = PAGE): string => cspOutcome(headers, page, type, url);

  it('covers every fetch directive, form-action and base-uri', () => {
    const directives = policy.split('; ').map((d) => d.split(' ')[0]);
    expect(directives).toEqual([
      'default-src',
      'script-src',
      'worker-src',
      'style-src',
      'img-src',
      'font-src',
      'media-src',
      'connect-src',
      'frame-src',
      'manifest-src',
      'object-src',
      'form-action',
      'base-uri',
    ]);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it('lets the page use its own origin, its dashboard and the allowed vendors only, for every kind of request', () => {
    for (const type of [
      'script',
      'xmlhttprequest',
      'ping',
      'image',
      'stylesheet',
      'font',
      'media',
      'sub_frame',
      'other',
    ] as const) {
      expect(`${type} self ${outcome(type, 'https://app.ci.example/x')}`).toBe(`${type} self allowed`);
      expect(`${type} own ${outcome(type, 'https://cdn.ci-assets.example/x')}`).toBe(`${type} own allowed`);
      expect(`${type} vendor ${outcome(type, 'https://cdn.live.example/x')}`).toBe(`${type} vendor allowed`);
      expect(`${type} elsewhere ${outcome(type, 'https://elsewhere.example/?token=x')}`).toBe(
        `${type} elsewhere refused`,
      );
    }
    expect(outcome('websocket', 'wss://ws.live.example/')).toBe('allowed');
    expect(outcome('websocket', 'wss://ws.tracker.example/')).toBe('refused');
    expect(outcome('websocket', 'ws://jenkins.corp.example/ws', 'http://jenkins.corp.example/credentials')).toBe(
      'allowed',
    );
  });

  it('never takes code from a domain that serves user content, which stays a source of everything else', () => {
    expect(outcome('script', 'https://files.ci-uploads.example/a.js')).toBe('refused');
    expect(outcome('image', 'https://files.ci-uploads.example/a.png')).toBe('allowed');
    expect(outcome('sub_frame', 'https://files.ci-uploads.example/view')).toBe('allowed');
    expect(policy).not.toMatch(/(script|worker)-src [^;]*ci-uploads/);
  });

  it('allows inline code, eval and blob: scripts only where the dashboard needs them', () => {
    expect(policy).toMatch(/^default-src 'self' /);
    expect(policy).toMatch(/script-src 'self' app\.ci\.example/);
    expect(policy).not.toMatch(/unsafe-eval|script-src [^;]*unsafe-inline|(script|worker)-src [^;]*blob:/);
    const gitlabLike = strictModePolicy(
      strictModeSources({
        ...DASHBOARD,
        strictMode: { inlineScripts: 'nonce', evalScripts: 'own policy', blobScripts: 'workers' },
      }),
    );
    expect(gitlabLike).toMatch(/script-src 'self' 'unsafe-inline' 'unsafe-eval' blob: /);
    expect(gitlabLike).toMatch(/worker-src 'self' blob: /);
    // A self-hosted dashboard (no catalog entry) gets the allowances of an unknown app.
    expect(strictModeSources({ hosts: ['jenkins.corp.example'], ownDomains: [] }).allowances).toBe(
      UNKNOWN_DASHBOARD_ALLOWANCES,
    );
    expect(strictModeSources(undefined)).toEqual({
      domains: [],
      scriptDomains: [],
      allowances: UNKNOWN_DASHBOARD_ALLOWANCES,
      needs: { image: [], script: [], connect: [], frame: [], style: [] },
    });
  });

  it('lets data: and blob: in only where they make no request and run no code', () => {
    expect(policy).toMatch(/img-src 'self' data: blob: /);
    expect(policy).toMatch(/font-src 'self' data: /);
    expect(policy).toMatch(/media-src 'self' blob: /);
    expect(policy).not.toMatch(/(default|script|connect|frame|form-action|manifest)-src[^;]*(data|blob):/);
  });
});

describe("strictModePolicy with the needs of the dashboard's profile", () => {
  const needs = {
    image: ['avatars.example'],
    script: ['sdk.idp.example'],
    connect: ['graph.api.example'],
    frame: ['login.idp.example'],
    style: ['fonts.cdn.example'],
  };
  const sources = strictModeSources({ ...DASHBOARD, strictModeNeeds: needs });
  const headers: DnrHeaderOperation[] = [
    { header: 'Content-Security-Policy', operation: 'append', value: strictModePolicy(sources) },
  ];
  const outcome = (type: ResourceType, url: string): string => cspOutcome(headers, PAGE, type, url);

  it('lets each needed host in for what loads it only, and never its subdomains', () => {
    expect(outcome('image', 'https://avatars.example/u/1')).toBe('allowed');
    expect(outcome('script', 'https://avatars.example/a.js')).toBe('refused');
    expect(outcome('xmlhttprequest', 'https://avatars.example/?t=x')).toBe('refused');
    expect(outcome('image', 'https://evil.avatars.example/u/1')).toBe('refused');
    expect(outcome('script', 'https://sdk.idp.example/msal.js')).toBe('allowed');
    expect(outcome('xmlhttprequest', 'https://graph.api.example/me')).toBe('allowed');
    expect(outcome('websocket', 'wss://graph.api.example/live')).toBe('allowed');
    expect(outcome('font', 'https://graph.api.example/f.woff2')).toBe('allowed');
    expect(outcome('sub_frame', 'https://login.idp.example/silent')).toBe('allowed');
    expect(outcome('stylesheet', 'https://fonts.cdn.example/css')).toBe('allowed');
    expect(outcome('image', 'https://fonts.cdn.example/x.png')).toBe('refused');
  });

  it('agrees with strictModeAllows', () => {
    const urls = [
      'https://avatars.example/u',
      'https://sdk.idp.example/a',
      'https://graph.api.example/a',
      'wss://graph.api.example/a',
      'http://graph.api.example/a',
      'https://login.idp.example/a',
      'https://fonts.cdn.example/a',
      'https://x.graph.api.example/a',
    ];
    const types: ResourceType[] = [
      'script',
      'xmlhttprequest',
      'websocket',
      'ping',
      'image',
      'stylesheet',
      'font',
      'media',
      'sub_frame',
      'other',
    ];
    for (const type of types) {
      for (const url of urls)
        expect(`${type} ${url}: ${strictModeAllows(sources, type, url, PAGE)}`).toBe(
          `${type} ${url}: ${cspOutcome(headers, PAGE, type, url) === 'allowed'}`,
        );
    }
  });
});

describe('strictModeRule', () => {
  const sources = strictModeSources(DASHBOARD);
  it('appends the policy and the marker in the same rule', () => {
    const rule = strictModeRule({ id: 1, priority: 1, urlFilter: '||a.example/x', sources });
    expect(rule.action).toEqual({
      type: 'modifyHeaders',
      responseHeaders: [
        { header: 'Content-Security-Policy', operation: 'append', value: strictModePolicy(sources) },
        { header: 'Server-Timing', operation: 'append', value: STRICT_MODE_MARKER.enforced },
      ],
    });
    expect(rule.condition).toEqual({ urlFilter: '||a.example/x', resourceTypes: ['main_frame', 'sub_frame'] });
  });

  it('writes the report-only header and marker in report-only mode', () => {
    const rule = strictModeRule({ id: 1, priority: 1, urlFilter: '||a.example/x', sources, reportOnly: true });
    expect(rule.action).toMatchObject({
      type: 'modifyHeaders',
      responseHeaders: [
        { header: 'Content-Security-Policy-Report-Only', operation: 'append' },
        { header: 'Server-Timing', value: STRICT_MODE_MARKER.reportOnly },
      ],
    });
  });
});

describe('strictModeAllows agrees with the CSP model', () => {
  const sources = strictModeSources(DASHBOARD, ['live.example']);
  const headers: DnrHeaderOperation[] = [
    { header: 'Content-Security-Policy', operation: 'append', value: strictModePolicy(sources) },
  ];
  const urls = [
    'https://app.ci.example/a',
    'https://api.app.ci.example/a',
    'wss://app.ci.example/s',
    'https://cdn.ci-assets.example/a',
    'https://files.ci-uploads.example/a',
    'https://cdn.live.example/a',
    'wss://ws.live.example/a',
    'https://tracker.example/a',
    'wss://tracker.example/a',
    'http://app.ci.example/a',
    'https://ci-uploads.example.evil.example/a',
  ];
  const types: ResourceType[] = [
    'script',
    'xmlhttprequest',
    'websocket',
    'ping',
    'image',
    'stylesheet',
    'font',
    'media',
    'sub_frame',
    'other',
  ];
  it.each(types)('%s', (type) => {
    for (const url of urls) {
      const allowed = cspOutcome(headers, PAGE, type, url) === 'allowed';
      expect(`${url}: ${strictModeAllows(sources, type, url, PAGE)}`).toBe(`${url}: ${allowed}`);
    }
  });
});
