/**
 * Keeps docs/STORE.md's generated sections in sync with README.md, manifest.json and the catalog. `--write`
 * rewrites them; without it, exits non-zero when they are stale (a unit test checks the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { storeListingInput } from './store-listing-input';
import { renderStoreSections, spliceStoreSections } from './store-listing';

const root = path.resolve(__dirname, '..', '..');
const storePath = path.join(root, 'docs', 'STORE.md');
const doc = readFileSync(storePath, 'utf8');
const updated = spliceStoreSections(doc, renderStoreSections(storeListingInput(root)));

if (process.argv.includes('--write')) {
  writeFileSync(storePath, updated);
  console.log('docs/STORE.md generated sections updated.');
} else if (updated !== doc) {
  console.error('docs/STORE.md is stale: run `npm run docs:store`.');
  process.exit(1);
}
