/**
 * Build step: compiles every JSON schema in schemas/ to a standalone ajv validator in src/generated/, so the
 * extension validates with ajv without compiling code at run time (extension pages forbid eval).
 * schemas/NAME.json -> src/generated/validate-NAME.js (+ .d.ts).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';

const root = path.resolve(__dirname, '..');
const schemaDir = path.join(root, 'schemas');
const outDir = path.join(root, 'src', 'generated');
mkdirSync(outDir, { recursive: true });

for (const file of readdirSync(schemaDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const name = path.basename(file, '.json');
  const schema = JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')) as object;
  // strict: false because Chrome's managed_schema dialect has keys ajv does not know (e.g. "sensitiveValue").
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: false } });
  const validate = ajv.compile(schema);
  writeFileSync(path.join(outDir, `validate-${name}.js`), `${standaloneCode(ajv, validate)}\n`);
  writeFileSync(
    path.join(outDir, `validate-${name}.d.ts`),
    `import type { ValidateFunction } from 'ajv';\ndeclare const validate: ValidateFunction;\nexport default validate;\n`,
  );
}
console.log('Dashguard build: schema validators written to src/generated/.');
