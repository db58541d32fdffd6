/** The settings-file example in the README imports as it is, with the real catalog: the documentation cannot drift. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vendorCatalog } from '../catalog-data';
import { NO_POLICY } from '../policy/managed-policy';
import { readSettingsFile } from './settings-file';

it('the README example is a valid settings file', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const example = /### Import and export[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  expect(readSettingsFile(example ?? '', { catalog: vendorCatalog, policy: NO_POLICY })).toMatchObject({ ok: true });
});
