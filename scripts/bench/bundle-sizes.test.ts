import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleBudget, bundleRows, contextFiles, measureBundleSizes, pageFiles, scriptStyles } from './bundle-sizes';

describe('pageFiles', () => {
  it('lists the local scripts and stylesheets a page loads, in document order', () => {
    const html = `<!doctype html><link rel="stylesheet" href="theme.css"><link rel="icon" href="icon.png">
      <link href="./popup.css" rel="stylesheet"><script src="popup.js"></script><script>inline()</script>`;
    expect(pageFiles(html)).toEqual(['theme.css', 'popup.css', 'popup.js']);
  });
  it('leaves out what comes from elsewhere', () => {
    expect(
      pageFiles('<script src="https://cdn.example/x.js"></script><script src="//cdn.example/y.js"></script>'),
    ).toEqual([]);
  });
});

describe('scriptStyles', () => {
  it('finds stylesheets a script adds by name, only those the build has', () => {
    const script = "link.href = 'quick-actions.css'; const other = \"missing.css\"; const again = 'quick-actions.css';";
    expect(scriptStyles(script, (file) => file === 'quick-actions.css')).toEqual(['quick-actions.css']);
  });
});

describe('reading a build', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-bundle-test-'));
    mkdirSync(path.join(dir, 'rules'));
    const files: Record<string, string> = {
      'manifest.json': JSON.stringify({
        background: { service_worker: 'background.js' },
        content_scripts: [{ js: ['content.js'] }, { js: ['content.js'] }],
        action: { default_popup: 'popup.html' },
        options_ui: { page: 'options.html' },
      }),
      'background.js': 'x'.repeat(1000),
      'content.js': 'y'.repeat(300),
      'popup.html': '<link rel="stylesheet" href="popup.css"><script src="popup.js"></script>',
      'popup.css': 'a{}',
      'popup.js': "load('extra.css')",
      'extra.css': 'b{}',
      'options.html': '<script src="options.js"></script>',
      'options.js': 'z',
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("knows each context's files from the manifest, each once", () => {
    expect(contextFiles(dir)).toEqual([
      { context: 'Background (service worker / event page)', files: ['background.js'] },
      { context: 'Content script (every dashboard page)', files: ['content.js'] },
      { context: 'Popup', files: ['popup.html', 'popup.css', 'popup.js', 'extra.css'] },
      { context: 'Options page', files: ['options.html', 'options.js'] },
    ]);
  });
  it('adds up raw and gzip sizes per context', () => {
    const sizes = measureBundleSizes(dir);
    const background = sizes.find((s) => s.context.startsWith('Background'))!;
    expect(background.bytes).toBe(1000);
    // 1,000 equal characters compress to far less.
    expect(background.gzipBytes).toBeLessThan(100);
    expect(sizes.find((s) => s.context === 'Popup')!.bytes).toBe(
      Buffer.byteLength('<link rel="stylesheet" href="popup.css"><script src="popup.js"></script>') + 3 + 17 + 3,
    );
  });
  it('says the run is broken when a file the manifest names is missing', () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'dashguard-bundle-test-'));
    try {
      writeFileSync(path.join(broken, 'manifest.json'), JSON.stringify({ background: { scripts: ['gone.js'] } }));
      expect(() => measureBundleSizes(broken)).toThrow(/Broken run/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('bundleRows', () => {
  it('holds the content script to a tighter budget than pages a person opens', () => {
    expect(bundleBudget('Content script (every dashboard page)')).toBe(64 * 1024);
    expect(bundleBudget('Popup')).toBe(1024 * 1024);
  });
  it('gives each Chrome context a row, with gzip and the Firefox size beside it', () => {
    const chrome = [{ context: 'Popup', files: ['popup.html', 'popup.js'], bytes: 2048, gzipBytes: 1024 }];
    const firefox = [{ context: 'Popup', files: ['popup.html', 'popup.js'], bytes: 3072, gzipBytes: 1024 }];
    expect(bundleRows(chrome, firefox)).toEqual([
      expect.objectContaining({
        figure: 'Popup: popup.html, popup.js',
        value: 2048,
        unit: 'bytes',
        target: { op: '<=', value: 1024 * 1024 },
        detail: 'gzip 1.0 KiB; Firefox build 3.0 KiB',
      }),
    ]);
  });
});
