/**
 * The schema files the repository ships (schemas/*.json: the settings file format, and Chrome's managed_schema, which
 * the package carries) are written from their TypeScript declaration (`npm run schemas:write`): this fails when one
 * was edited by hand, or its source changed without rewriting it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_FILES } from './schema-sources';

describe('schema files', () => {
  it.each(Object.keys(SCHEMA_FILES))('schemas/%s is what its TypeScript source declares', (file) => {
    const shipped: unknown = JSON.parse(readFileSync(path.resolve(__dirname, '../schemas', file), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(SCHEMA_FILES[file])));
  });
});
