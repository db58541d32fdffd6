/** What docs/STORE.md is generated from, read from the repository: README.md, manifest.json and the catalog. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dashboards } from '../../rules/catalog/dashboards';
import type { StoreListingInput } from './store-listing';

export function storeListingInput(root: string): StoreListingInput {
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { description: string; permissions: string[] };
  return {
    readme: readFileSync(path.join(root, 'README.md'), 'utf8'),
    summary: manifest.description,
    permissions: [...manifest.permissions].sort(),
    dashboardNames: dashboards.map((d) => d.name),
  };
}
