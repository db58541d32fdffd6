import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dashboards } from '../rules/catalog/dashboards';
import { STATIC_RULESETS } from '../src/rules/rule-state';
import { manifestFor, type Manifest } from './browser-manifest';

const source = JSON.parse(readFileSync(path.resolve(__dirname, '..', 'manifest.json'), 'utf8')) as Manifest;

describe('manifest.json', () => {
  it('declares exactly the static rulesets every rule sync keeps switched on, all on at install', () => {
    const resources = (source.declarative_net_request as { rule_resources: { id: string; enabled: boolean }[] })
      .rule_resources;
    // Chromium's tab-cover twins too (the Firefox manifest leaves them out: manifestFor below).
    expect(resources.map((r) => r.id)).toEqual([...STATIC_RULESETS, 'tab_cover']);
    expect(resources.every((r) => r.enabled)).toBe(true);
  });
});

describe('manifestFor', () => {
  const chrome = manifestFor('chrome', source, '1.2.3', dashboards);
  const firefox = manifestFor('firefox', source, '1.2.3', dashboards);

  it('gives Chrome a service worker and the fixed-id key, and no gecko settings', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(typeof chrome.key).toBe('string');
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox background scripts, its add-on id and no data collection', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.key).toBeUndefined();
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: 'dashguard@dashguard.dev', data_collection_permissions: { required: ['none'] } },
    });
  });

  it('asks for a Firefox with the Navigation API (147), on which strict mode stops an in-app route before it happens', () => {
    const gecko = (firefox.browser_specific_settings as { gecko: { strict_min_version: string } }).gecko;
    expect(Number.parseInt(gecko.strict_min_version, 10)).toBeGreaterThanOrEqual(147);
  });

  it('runs the content script on dashboards only, never on their marketing sites', () => {
    const [script] = chrome.content_scripts as { matches: string[]; exclude_matches: string[] }[];
    expect(script?.matches).toContain('https://app.circleci.com/*');
    expect(script?.matches).not.toContain('https://circleci.com/*');
    expect(script?.exclude_matches).toContain('https://www.github.com/*');
    expect(script?.matches.some((m) => m.includes('<all_urls>') || m === '*://*/*')).toBe(false);
  });

  it("runs the page-world WebSocket observer on exactly the same pages, in the page's world", () => {
    const [isolated, pageWorld] = chrome.content_scripts as Record<string, unknown>[];
    expect(pageWorld).toEqual({ ...isolated, js: ['page-world.js'], world: 'MAIN' });
    expect(firefox.content_scripts).toEqual(chrome.content_scripts);
  });

  it('asks for host permission on the dashboards alone (strict mode), and any other host only as optional', () => {
    for (const manifest of [chrome, firefox]) {
      const hosts = manifest.host_permissions as string[];
      expect(hosts).toContain('https://app.circleci.com/*');
      expect(hosts).toContain('https://*.github.com/*');
      expect(hosts.every((h) => h.startsWith('https://') && !h.startsWith('https://*/'))).toBe(true);
      expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    }
  });

  it('gives Chromium the tab-cover ruleset and keeps it, and the permissions that stand in for it, from Firefox', () => {
    const rulesets = (m: typeof chrome): string[] =>
      (m.declarative_net_request as { rule_resources: { id: string }[] }).rule_resources.map((r) => r.id);
    expect(rulesets(chrome)).toContain('tab_cover');
    expect(rulesets(firefox)).not.toContain('tab_cover');
    expect(JSON.stringify(firefox)).not.toContain('topDomains');
    expect(chrome.minimum_chrome_version).toBe('141');
    expect(chrome.permissions).not.toEqual(expect.arrayContaining(['webNavigation']));
    expect(firefox.permissions).toEqual(expect.arrayContaining(['webNavigation', 'webRequest', 'webRequestBlocking']));
  });

  it('uses the package version', () => {
    expect(chrome.version).toBe('1.2.3');
    expect(firefox.version).toBe('1.2.3');
  });
});
