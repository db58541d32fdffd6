import { resolveTabId } from './popup-tab';

describe('resolveTabId', () => {
  const active = async (): Promise<number> => 7;
  it('takes ?tabId=N, else the active tab', async () => {
    expect(await resolveTabId('?tabId=42', active)).toBe(42);
    // Chromium's tab ids can run to ten digits and more.
    expect(await resolveTabId('?tabId=1446991398', active)).toBe(1446991398);
    expect(await resolveTabId('', active)).toBe(7);
  });
  it('shows no tab for a malformed tabId rather than guess', async () => {
    expect(await resolveTabId('?tabId=-1', active)).toBeUndefined();
    expect(await resolveTabId('?tabId=4x', active)).toBeUndefined();
    expect(await resolveTabId('?tabId=', active)).toBeUndefined();
    expect(await resolveTabId('?tabId=99999999999999999', active)).toBeUndefined();
  });
});
