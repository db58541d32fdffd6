/**
 * Build step: compiles the JSON schemas declared in TypeScript (src/settings/settings-schema.ts,
 * src/policy/policy-schema.ts) to standalone ajv validators in src/generated/, so the extension validates with ajv
 * without compiling code at run time (extension pages forbid eval). `--write-schemas` also writes the schemas as the
 * JSON files the repository ships (schemas/*.json: the settings file format, Chrome's managed_schema); a unit test
 * (schema-files.test.ts) fails when those files differ from their source.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type AnySchema } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { format, resolveConfig } from 'prettier';
import { SCHEMA_FILES } from './schema-sources';

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'src', 'generated');

// strict: false because Chrome's managed_schema dialect has keys ajv does not know (e.g. "sensitiveValue");
// inlineRefs: false so a definition every format version shares is compiled once, not once per version.
const newAjv = (): Ajv =>
  new Ajv({ allErrors: true, strict: false, inlineRefs: false, code: { source: true, esm: false } });

/** A schema without its prose (`title`, `description`): the validator does not need it, and would embed it. */
function withoutProse(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutProse);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !((key === 'title' || key === 'description') && typeof value === 'string'))
      .map(([key, value]) => [key, withoutProse(value)]),
  );
}

function writeValidator(name: string, schema: AnySchema): void {
  const ajv = newAjv();
  const validate = ajv.compile(withoutProse(schema) as AnySchema);
  writeFileSync(path.join(outDir, `validate-${name}.js`), `${standaloneCode(ajv, validate)}\n`);
  writeFileSync(
    path.join(outDir, `validate-${name}.d.ts`),
    `import type { ValidateFunction } from 'ajv';\ndeclare const validate: ValidateFunction;\nexport default validate;\n`,
  );
}

async function writeSchemaFiles(): Promise<void> {
  for (const [file, schema] of Object.entries(SCHEMA_FILES)) {
    const target = path.join(root, 'schemas', file);
    const options = await resolveConfig(target);
    writeFileSync(target, await format(JSON.stringify(schema), { ...options, filepath: target }));
  }
  console.log('Dashguard build: schemas/*.json written from their TypeScript source.');
}

async function main(): Promise<void> {
  // src/generated/ is not in the repository: a fresh clone has none.
  mkdirSync(outDir, { recursive: true });
  if (process.argv.includes('--write-schemas')) await writeSchemaFiles();
  for (const [file, schema] of Object.entries(SCHEMA_FILES)) writeValidator(path.basename(file, '.json'), schema);
  console.log('Dashguard build: schema validators written to src/generated/.');
}

void main();
