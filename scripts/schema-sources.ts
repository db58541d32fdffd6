/**
 * The JSON schemas the build derives files and validators from, each from its one TypeScript declaration.
 */
import type { AnySchema } from 'ajv';
import { managedPolicySchema } from '../src/policy';
import { settingsFileSchema } from '../src/settings';

/** schemas/NAME.json -> its schema; each is also compiled to src/generated/validate-NAME.js. */
export const SCHEMA_FILES: Readonly<Record<string, AnySchema>> = {
  'settings.json': settingsFileSchema(),
  'managed-schema.json': managedPolicySchema,
};
