import { STORAGE_HEALTH_GET, type StorageHealth } from '../storage/storage-health';
import { createMessageRouter } from './message-router';
import { createStorageHealthHandler } from './storage-health-handler';

const health: StorageHealth = { failures: [{ area: 'local', message: 'QUOTA_BYTES quota exceeded', since: 3 }] };
const route = createMessageRouter(
  { [STORAGE_HEALTH_GET]: createStorageHealthHandler({ status: async () => health }) },
  { extensionId: 'self', extensionOrigin: 'chrome-extension://self/' },
);
const page = { id: 'self', url: 'chrome-extension://self/popup.html' };

describe('storage-health/get', () => {
  it("answers the extension's pages with the failing writes", async () => {
    expect(await route({ type: STORAGE_HEALTH_GET, payload: null }, page)).toEqual({ ok: true, value: health });
  });

  it('answers no content script and no other extension', async () => {
    expect(
      (
        await route(
          { type: STORAGE_HEALTH_GET, payload: null },
          { id: 'self', url: 'https://app.circleci.com/', tab: { id: 1 } },
        )
      ).ok,
    ).toBe(false);
    expect(
      (
        await route(
          { type: STORAGE_HEALTH_GET, payload: null },
          { id: 'other', url: 'chrome-extension://other/x.html' },
        )
      ).ok,
    ).toBe(false);
  });

  it('refuses a payload', async () => {
    expect(await route({ type: STORAGE_HEALTH_GET, payload: { failures: [] } }, page)).toEqual({
      ok: false,
      error: 'storage-health/get takes no payload',
    });
  });
});
