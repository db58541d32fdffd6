import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumExtensionId, CHROMIUM_EXTENSION_ID } from '../e2e/harness/extension-build';

const root = path.resolve(__dirname, '../..');

describe('chromiumExtensionId', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-id-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the id Chromium gave the build with the source manifest's key", () => {
    const { key } = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { key: string };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ key }));
    expect(chromiumExtensionId(dir)).toBe(CHROMIUM_EXTENSION_ID);
  });

  it('without a key, derives 32 letters a-p from the folder, different for another folder', () => {
    writeFileSync(path.join(dir, 'manifest.json'), '{}');
    const id = chromiumExtensionId(dir);
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(id).not.toBe(CHROMIUM_EXTENSION_ID);
    const other = mkdtempSync(path.join(os.tmpdir(), 'dashguard-id-'));
    try {
      writeFileSync(path.join(other, 'manifest.json'), '{}');
      expect(chromiumExtensionId(other)).not.toBe(id);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
