import { STRICT_MODE_MARKER, documentStrictModeOf, isDocumentStrictMode } from './document-strict-mode';

describe('documentStrictModeOf', () => {
  it("reads the marker the strict-mode rule appends, among the site's own metrics", () => {
    expect(documentStrictModeOf(['db', STRICT_MODE_MARKER.enforced, 'cache'])).toBe('enforced');
    expect(documentStrictModeOf([STRICT_MODE_MARKER.reportOnly])).toBe('report-only');
    expect(documentStrictModeOf(['db', 'cache'])).toBe('none');
    expect(documentStrictModeOf([])).toBe('none');
  });

  it('takes enforced over report-only when both policies were appended', () => {
    expect(documentStrictModeOf([STRICT_MODE_MARKER.reportOnly, STRICT_MODE_MARKER.enforced])).toBe('enforced');
  });

  it('is strict about names: a look-alike is not the marker', () => {
    expect(documentStrictModeOf(['Dashguard-Strict', 'dashguard-strict ', 'dashguard-strictly'])).toBe('none');
  });

  it('checks values received in messages', () => {
    expect(['enforced', 'report-only', 'none', 'unknown'].every(isDocumentStrictMode)).toBe(true);
    expect([undefined, 'protected', true, 1].some(isDocumentStrictMode)).toBe(false);
  });
});
