/** Set by webpack's DefinePlugin (webpack.config.js). */
declare const __BROWSER__: 'chrome' | 'firefox';
/** True only in the dist-test/ build; test-only code behind it is absent from what ships. */
declare const __TEST_BUILD__: boolean;
