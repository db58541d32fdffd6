import { LISTENER_FLOOR_SCRIPT, listenerFloorManifest } from './listener-floor-manifest';

const isolated = {
  matches: ['https://app.circleci.com/*'],
  exclude_matches: ['https://www.app.circleci.com/*'],
  js: ['content.js'],
  run_at: 'document_start',
  all_frames: true,
  match_about_blank: true,
};
const pageWorld = { ...isolated, js: ['page-world.js'], world: 'MAIN' };

describe('listenerFloorManifest', () => {
  it("mirrors Dashguard's isolated-world entries with the stand-in's script, and leaves the page-world one out", () => {
    const manifest = listenerFloorManifest({ content_scripts: [isolated, pageWorld] }) as Record<string, unknown>;
    expect(manifest.content_scripts).toEqual([{ ...isolated, js: [LISTENER_FLOOR_SCRIPT] }]);
    expect(manifest.manifest_version).toBe(3);
  });
  it('keeps an entry that names the isolated world', () => {
    const manifest = listenerFloorManifest({ content_scripts: [{ ...isolated, world: 'ISOLATED' }] }) as {
      content_scripts: unknown[];
    };
    expect(manifest.content_scripts).toEqual([{ ...isolated, world: 'ISOLATED', js: [LISTENER_FLOOR_SCRIPT] }]);
  });
  it('asks for no permission and has no background', () => {
    const manifest = listenerFloorManifest({ content_scripts: [isolated] });
    expect(Object.keys(manifest).sort()).toEqual([
      'content_scripts',
      'description',
      'manifest_version',
      'name',
      'version',
    ]);
  });
  it('refuses a manifest with nothing to mirror', () => {
    expect(() => listenerFloorManifest({ content_scripts: [pageWorld] })).toThrow(/no isolated-world content script/);
    expect(() => listenerFloorManifest({})).toThrow(/no isolated-world content script/);
  });
});
