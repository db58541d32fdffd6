// Bundles each extension context for each browser. Rule generation and manifests are separate build scripts.
const path = require('node:path');
const { BannerPlugin, DefinePlugin } = require('webpack');

// One bundle per extension context; scripts/build-outputs.ts lists the same names as the files a build must hold.
const entries = require('./scripts/bundle-entries.json');
// What the extension pages share (Preact, the polyfill, the settings client...) goes into one chunk both load.
const pageChunk = require('./scripts/page-chunk.json');

// V8's explicit compile hint (Chrome 136+; other engines read a comment): compile every function of the content
// script with the script itself. It starts in every frame of every dashboard load and calls nearly all its functions
// at once; compiled one by one on their first call, they cost each load about 2 ms more (bench 5, docs/BENCHMARKS.md).
const CONTENT_SCRIPT_COMPILE_HINT = { banner: '//# allFunctionsCalledOnLoad', raw: true, include: /^content\.js$/ };

// DASHGUARD_TEST_BUILD=1 builds into dist-test/ with __TEST_BUILD__ true: test-only surfaces (e.g. opening the
// popup in Firefox, where automation cannot navigate to moz-extension:// pages) exist in that build alone.
// DASHGUARD_OUT_DIR builds elsewhere (`npm run package` builds into a fresh folder that no browser has loaded).
const testBuild = process.env.DASHGUARD_TEST_BUILD === '1';
const outRoot = process.env.DASHGUARD_OUT_DIR || (testBuild ? 'dist-test' : 'dist');

module.exports = ['chrome', 'firefox'].map((browser) => ({
  name: browser,
  mode: 'production',
  // No eval-based source maps: extension pages forbid eval.
  devtool: false,
  entry: { ...entries },
  output: { path: path.resolve(__dirname, outRoot, browser), filename: '[name].js', clean: false },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        loader: 'ts-loader',
        // Readable code without its comments: they were a fifth of each bundle (the pages' size budget, the content
        // script parsed in every frame). The source archive keeps them. Schemas without their prose too
        // (scripts/strip-schema-prose.js): the bundles only check values against them.
        options: {
          transpileOnly: true,
          compilerOptions: { removeComments: true },
          getCustomTransformers: path.resolve(__dirname, 'scripts/strip-schema-prose.js'),
        },
      },
    ],
  },
  // Readable bundles: store reviewers read them, and they are small.
  optimization: {
    minimize: false,
    splitChunks: {
      // One copy of a module both pages import, even when they use different exports of it (otherwise webpack gives
      // each page its own copy).
      usedExports: false,
      cacheGroups: {
        default: false,
        defaultVendors: false,
        pages: {
          name: pageChunk.name,
          chunks: (chunk) => pageChunk.pages.includes(chunk.name),
          minChunks: 2,
          enforce: true,
        },
      },
    },
  },
  performance: { hints: false },
  plugins: [
    new DefinePlugin({ __BROWSER__: JSON.stringify(browser), __TEST_BUILD__: JSON.stringify(testBuild) }),
    new BannerPlugin(CONTENT_SCRIPT_COMPILE_HINT),
  ],
}));
