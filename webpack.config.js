// Bundles each extension context for each browser. Rule generation and manifests are separate build scripts.
const path = require('node:path');
const { DefinePlugin } = require('webpack');

const entries = {
  background: './src/background/background.ts',
  content: './src/content/content.ts',
  popup: './popup/popup.ts',
  options: './options/options.ts',
};

module.exports = ['chrome', 'firefox'].map((browser) => ({
  name: browser,
  mode: 'production',
  // No eval-based source maps: extension pages forbid eval.
  devtool: false,
  entry: entries,
  output: { path: path.resolve(__dirname, 'dist', browser), filename: '[name].js', clean: false },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true } }] },
  // Readable bundles: store reviewers read them, and they are small.
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [new DefinePlugin({ __BROWSER__: JSON.stringify(browser) })],
}));
