/**
 * Every example policy in docs/examples/policy/ holds the same Dashguard policy, in each platform's format, and that
 * policy is valid: the schema accepts it and the parser, with the real catalog, ignores nothing. A new example file
 * fails here until it is read below, so none goes untested.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import managedSchema from '../../schemas/managed-schema.json';
import validateManagedSchema from '../../src/generated/validate-managed-schema';
import { vendorCatalog } from '../../src/catalog-data';
import { parseManagedPolicy } from '../../src/policy/parse-managed-policy';
import { parsePlist } from './plist-xml';
import { parseRegFile, regKeyAt, registryPolicy } from './registry-file';

const EXAMPLES = path.resolve(__dirname, '../../docs/examples/policy');
const CHROME_ID = 'ihilleabmhcolkppkpfhdhidoenohcoi';
const GECKO_ID = 'dashguard@dashguard.dev';

const read = (file: string): string => readFileSync(path.join(EXAMPLES, file), 'utf8');
const json = (file: string): Record<string, unknown> => JSON.parse(read(file)) as Record<string, unknown>;
/** Follows a path of keys, failing with the path when one is missing. */
function dig(value: unknown, ...keys: string[]): unknown {
  return keys.reduce((current, key, i) => {
    if (typeof current !== 'object' || current === null || !(key in current))
      throw new Error(`missing ${keys.slice(0, i + 1).join(' > ')}`);
    return (current as Record<string, unknown>)[key];
  }, value);
}

/** How to find the Dashguard policy in each example. */
const EXTRACT: Record<string, () => unknown> = {
  'dashguard-policy.json': () => json('dashguard-policy.json'),
  'chrome-linux.json': () => dig(json('chrome-linux.json'), '3rdparty', 'extensions', CHROME_ID),
  'firefox-policies.json': () => dig(json('firefox-policies.json'), 'policies', '3rdparty', 'Extensions', GECKO_ID),
  // The Admin console wraps each value: {"key": {"Value": ...}}.
  'google-admin-console.json': () =>
    Object.fromEntries(
      Object.entries(json('google-admin-console.json')).map(([key, wrapped]) => [key, dig(wrapped, 'Value')]),
    ),
  'chrome-windows.reg': () => {
    const key = regKeyAt(
      parseRegFile(read('chrome-windows.reg')),
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`,
    );
    if (key === undefined) throw new Error('no policy key for Dashguard');
    return registryPolicy(key, managedSchema);
  },
  'chrome-macos.mobileconfig': () => {
    const payloads = dig(parsePlist(read('chrome-macos.mobileconfig')), 'PayloadContent') as unknown[];
    const preferences = payloads.find((p) => dig(p, 'PayloadType') === 'com.apple.ManagedClient.preferences');
    const forced = dig(
      preferences,
      'PayloadContent',
      `com.google.Chrome.extensions.${CHROME_ID}`,
      'Forced',
    ) as unknown[];
    return dig(forced[0], 'mcx_preference_settings');
  },
};

describe('example policies in docs/examples/policy', () => {
  const reference = EXTRACT['dashguard-policy.json']?.();

  it('are all tested', () => {
    expect(readdirSync(EXAMPLES).sort()).toEqual(Object.keys(EXTRACT).sort());
  });

  it.each(Object.keys(EXTRACT))('%s: valid against the schema, nothing ignored, same policy as the others', (file) => {
    const policy = EXTRACT[file]?.();
    expect(validateManagedSchema(policy) ? [] : validateManagedSchema.errors).toEqual([]);
    expect(parseManagedPolicy(policy, vendorCatalog).warnings).toEqual([]);
    expect(policy).toEqual(reference);
  });

  it('force-install Dashguard where the format allows it', () => {
    expect(dig(json('chrome-linux.json'), 'ExtensionInstallForcelist')).toEqual([
      `${CHROME_ID};https://clients2.google.com/service/update2/crx`,
    ]);
    expect(dig(json('firefox-policies.json'), 'policies', 'ExtensionSettings', GECKO_ID, 'installation_mode')).toBe(
      'force_installed',
    );
    const reg = regKeyAt(
      parseRegFile(read('chrome-windows.reg')),
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist',
    );
    expect(reg?.values.get('1')).toBe(`${CHROME_ID};https://clients2.google.com/service/update2/crx`);
    expect(read('chrome-macos.mobileconfig')).toContain('<key>ExtensionInstallForcelist</key>');
  });
});
