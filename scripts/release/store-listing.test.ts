import { readFileSync } from 'node:fs';
import path from 'node:path';
import { storeListingInput } from './store-listing-input';
import {
  endMarker,
  LIMITS,
  permissionJustifications,
  permissionRows,
  plainText,
  renderStoreSections,
  spliceStoreSections,
  startMarker,
  STORE_SECTIONS,
} from './store-listing';

const root = path.resolve(__dirname, '..', '..');
const store = readFileSync(path.join(root, 'docs', 'STORE.md'), 'utf8');
const input = storeListingInput(root);

/** The text of every ```text block under `heading` (up to the next heading of the same or a higher level). */
function textBlocks(doc: string, heading: string): string[] {
  const start = doc.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`docs/STORE.md has no "${heading}"`);
  const level = heading.split(' ')[0]!;
  const rest = doc.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  return [...(end === -1 ? rest : rest.slice(0, end)).matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

describe('docs/STORE.md', () => {
  it('is in sync with README.md, manifest.json and the catalog (run `npm run docs:store` when this fails)', () => {
    expect(spliceStoreSections(store, renderStoreSections(input))).toBe(store);
  });

  it('fits the stores: summary, description and every permission justification within their limits', () => {
    expect(input.summary.length).toBeLessThanOrEqual(LIMITS.summary);
    const [description] = textBlocks(store, '### Description');
    expect(description!.length).toBeLessThanOrEqual(LIMITS.description);
    const justifications = permissionJustifications(input.readme, input.permissions);
    expect(justifications.map((j) => j.field)).toEqual([...input.permissions, 'Host permissions']);
    for (const { field, text } of justifications) expect({ field, length: Math.min(text.length, LIMITS.justification + 1) }).toEqual({ field, length: text.length });
    for (const { text } of justifications) expect(text.length).toBeGreaterThan(40);
  });

  it('says plainly that Dashguard collects nothing, as the Firefox manifest declares', () => {
    const [statement] = textBlocks(store, '## Privacy statement');
    expect(statement).toMatch(/^Dashguard collects nothing\./);
    const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { data_collection_permissions: unknown } } };
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('has the store text as plain text: no Markdown marks in the blocks to paste', () => {
    const blocks = [...store.matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.filter((block) => /\*\*|`|\]\(/.test(block))).toEqual([]);
  });
});

describe('store listing generation', () => {
  const readme = [
    '# Dashguard',
    '',
    'Keeps **trackers** off `CI` [dashboards](docs/x.md).',
    '',
    '<p><img src="x.png"></p>',
    '',
    '## Audit',
    '',
    'Shows what loaded.',
    '',
    '## Permissions',
    '',
    '| Permission | Why |',
    '| --- | --- |',
    '| `storage` | Keeps settings. |',
    '| `host_permissions`: the dashboards | Strict mode: needs | a pipe. |',
    '',
    'Sends nothing.',
    '',
    '## For security teams',
    '',
    'Policy. See docs/ADMIN.md for more.',
  ].join('\n');

  it('turns Markdown into plain text', () => {
    expect(plainText('A **b** `c` [d](e.md)\nf')).toBe('A b c d f');
  });

  it('reads the Permissions table, a pipe inside a reason included', () => {
    expect(permissionRows(readme)).toEqual([
      { what: '`storage`', why: 'Keeps settings.' },
      { what: '`host_permissions`: the dashboards', why: 'Strict mode: needs | a pipe.' },
    ]);
  });

  it('renders the description from the README without its pictures or pointers into the repository', () => {
    const sections = renderStoreSections({ readme, summary: 'Short.', permissions: ['storage'], dashboardNames: ['CircleCI', 'GitHub'] });
    expect(sections.description).toContain('Keeps trackers off CI dashboards.\n\nDashboards: CircleCI, GitHub.\n\nShows what loaded.\n\nPolicy.\n\nSends nothing.');
    expect(sections.description).not.toContain('img');
    expect(sections.permissions).toContain('#### storage\n\n```text\nKeeps settings.\n```');
    expect(sections.permissions).toContain('#### Host permissions\n\n```text\nStrict mode: needs | a pipe.\n```');
  });

  it('refuses a permission the README does not justify, and a STORE.md without its markers', () => {
    expect(() => permissionJustifications(readme, ['storage', 'tabs'])).toThrow(/no row for tabs/);
    const sections = renderStoreSections({ readme, summary: 'Short.', permissions: ['storage'], dashboardNames: [] });
    expect(() => spliceStoreSections('no markers', sections)).toThrow(/lacks the markers/);
    const doc = STORE_SECTIONS.map((name) => `${startMarker(name)}\nold\n${endMarker(name)}`).join('\n');
    expect(spliceStoreSections(doc, sections)).toContain(`${startMarker('summary')}\n${sections.summary}\n${endMarker('summary')}`);
  });
});
