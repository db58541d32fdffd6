/**
 * The JSON schemas the build derives files and validators from, each from its one TypeScript declaration.
 */
import type { AnySchema } from 'ajv';
// Not the policy and settings entries: they load the validators this build step writes, which a fresh clone does not
// have yet.
// eslint-disable-next-line no-restricted-imports -- see above
import { managedPolicySchema } from '../src/policy/policy-schema';
// eslint-disable-next-line no-restricted-imports -- see above
import { settingsFileSchema } from '../src/settings/settings-schema';

/** schemas/NAME.json -> its schema; each is also compiled to src/generated/validate-NAME.js. */
export const SCHEMA_FILES: Readonly<Record<string, AnySchema>> = {
  'settings.json': settingsFileSchema(),
  'managed-schema.json': managedPolicySchema,
};
