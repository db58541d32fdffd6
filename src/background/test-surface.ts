/**
 * TEST BUILDS ONLY. background.ts requires this module inside `if (__TEST_BUILD__)`, so webpack leaves it out of
 * dist/ (test/unit/test-surface-absent.test.ts checks the shipped bundles). It counts background starts in
 * storage.session, so an end-to-end test can tell that the service worker (Chrome) or event page (Firefox) really
 * was stopped and started again while a page kept reporting.
 */

export const TEST_BACKGROUND_STARTS_KEY = 'test:backgroundStarts';

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function countBackgroundStart(session: SessionArea): Promise<void> {
  const current = (await session.get(TEST_BACKGROUND_STARTS_KEY))[TEST_BACKGROUND_STARTS_KEY];
  await session.set({ [TEST_BACKGROUND_STARTS_KEY]: (typeof current === 'number' ? current : 0) + 1 });
}
