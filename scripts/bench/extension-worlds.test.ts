import { extensionWorldNames, type ExecutionContext } from './extension-worlds';

// As Chromium 156 reports them for a dashboard page with a frame and Dashguard loaded (puppeteer's own world too).
const page: ExecutionContext[] = [
  { name: 'Dashguard', origin: 'chrome-extension://ihilleabmhcolkppkpfhdhidoenohcoi', auxData: { type: 'isolated' } },
  { name: '__puppeteer_utility_world__24.43.1', origin: 'https://app.circleci.com', auxData: { type: 'isolated' } },
  { name: '', origin: 'https://app.circleci.com', auxData: { type: 'default' } },
  { name: 'Dashguard', origin: 'chrome-extension://ihilleabmhcolkppkpfhdhidoenohcoi', auxData: { type: 'isolated' } },
];

describe('extensionWorldNames', () => {
  it("names each extension with a content-script world once, and not the page's or puppeteer's worlds", () => {
    expect(extensionWorldNames(page)).toEqual(['Dashguard']);
  });
  it('is empty for a page no extension ran in', () => {
    expect(extensionWorldNames(page.slice(1, 3))).toEqual([]);
  });
  it('names every extension that ran, sorted', () => {
    const standIn: ExecutionContext = {
      name: 'Dashguard bench: listener floor',
      origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      auxData: { type: 'isolated' },
    };
    expect(extensionWorldNames([standIn, ...page])).toEqual(['Dashguard', 'Dashguard bench: listener floor']);
  });
});
