/**
 * The content script's bundle carries V8's explicit compile hint on its first line (webpack.config.js says why), and
 * no other bundle does: the hint compiles every function of a file at once, which pays only where nearly all of them
 * run on load. Read from the project's own webpack configuration, for both browsers.
 */
import path from 'node:path';
import { BannerPlugin, ModuleFilenameHelpers, type Configuration } from 'webpack';
import entries from '../../scripts/bundle-entries.json';

const ROOT = path.resolve(__dirname, '../..');

function configs(): Configuration[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, read as webpack reads it
  return require(path.join(ROOT, 'webpack.config.js')) as Configuration[];
}

describe('the content script compile hint', () => {
  it.each(configs().map((config) => [String(config.name), config] as const))(
    'is on content.js alone (%s)',
    (_, config) => {
      const banners = (config.plugins ?? []).filter((plugin): plugin is BannerPlugin => plugin instanceof BannerPlugin);
      expect(banners).toHaveLength(1);
      const [hint] = banners;
      expect(hint?.options).toMatchObject({ banner: '//# allFunctionsCalledOnLoad', raw: true });
      const hinted = Object.keys(entries).filter((name) =>
        ModuleFilenameHelpers.matchObject(hint?.options ?? {}, `${name}.js`),
      );
      expect(hinted).toEqual(['content']);
      // The shared chunk of the extension pages is a bundle too, and is not hinted.
      expect(ModuleFilenameHelpers.matchObject(hint?.options ?? {}, 'pages-shared.js')).toBe(false);
    },
  );
});
