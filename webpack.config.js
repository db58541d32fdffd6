// Bundles each extension context for each browser. Rule generation and manifests are separate build scripts.
const path = require('node:path');
const { DefinePlugin } = require('webpack');

const entries = {
  background: './src/background/background.ts',
  content: './src/content/content.ts',
  'page-world': './src/content/websocket-observer.ts',
  popup: './popup/popup.ts',
  options: './options/options.ts',
};

// DASHGUARD_TEST_BUILD=1 builds into dist-test/ with __TEST_BUILD__ true: test-only surfaces (e.g. opening the
// popup in Firefox, where automation cannot navigate to moz-extension:// pages) exist in that build alone.
const testBuild = process.env.DASHGUARD_TEST_BUILD === '1';
const outRoot = testBuild ? 'dist-test' : 'dist';

module.exports = ['chrome', 'firefox'].map((browser) => ({
  name: browser,
  mode: 'production',
  // No eval-based source maps: extension pages forbid eval.
  devtool: false,
  entry: entries,
  output: { path: path.resolve(__dirname, outRoot, browser), filename: '[name].js', clean: false },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true } }] },
  // Readable bundles: store reviewers read them, and they are small.
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [new DefinePlugin({ __BROWSER__: JSON.stringify(browser), __TEST_BUILD__: JSON.stringify(testBuild) })],
}));
