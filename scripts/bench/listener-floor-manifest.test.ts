import { STAND_INS, listenerFloorManifest } from './listener-floor-manifest';

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
    const manifest = listenerFloorManifest({ content_scripts: [isolated, pageWorld] }, 'listen');
    expect(manifest.content_scripts).toEqual([{ ...isolated, js: [STAND_INS.listen.script] }]);
    expect(manifest.manifest_version).toBe(3);
  });
  it('keeps an entry that names the isolated world', () => {
    const manifest = listenerFloorManifest({ content_scripts: [{ ...isolated, world: 'ISOLATED' }] }, 'listen');
    expect(manifest.content_scripts).toEqual([{ ...isolated, world: 'ISOLATED', js: [STAND_INS.listen.script] }]);
  });
  it("names each stand-in apart (its name names its content scripts' world, which the bench checks)", () => {
    expect(listenerFloorManifest({ content_scripts: [isolated] }, 'listen').name).toBe(
      'Dashguard bench: listener floor',
    );
    expect(listenerFloorManifest({ content_scripts: [isolated] }, 'read').name).toBe('Dashguard bench: reading floor');
  });
  it('gives the reading floor its own script, in the same entries', () => {
    const manifest = listenerFloorManifest({ content_scripts: [isolated, pageWorld] }, 'read');
    expect(manifest.content_scripts).toEqual([{ ...isolated, js: [STAND_INS.read.script] }]);
    expect(manifest.name).toMatch(/reading floor/);
  });
  it('asks for no permission and has no background', () => {
    const manifest = listenerFloorManifest({ content_scripts: [isolated] }, 'read');
    expect(Object.keys(manifest).sort()).toEqual([
      'content_scripts',
      'description',
      'manifest_version',
      'name',
      'version',
    ]);
  });
  it('refuses a manifest with nothing to mirror', () => {
    expect(() => listenerFloorManifest({ content_scripts: [pageWorld] }, 'listen')).toThrow(
      /no isolated-world content script/,
    );
    expect(() => listenerFloorManifest({}, 'read')).toThrow(/no isolated-world content script/);
  });
});
