import { readDocumentStrictMode } from './document-marker';

const timing = (entries: unknown[]) => ({ getEntriesByType: (type: string) => (type === 'navigation' ? entries : []) });

describe('readDocumentStrictMode', () => {
  it("reads the marker from the document's navigation entry", () => {
    expect(readDocumentStrictMode(timing([{ serverTiming: [{ name: 'db' }, { name: 'dashguard-strict' }] }]))).toBe(
      'enforced',
    );
    expect(readDocumentStrictMode(timing([{ serverTiming: [{ name: 'dashguard-strict-report-only' }] }]))).toBe(
      'report-only',
    );
  });

  it('says none when the response carried no marker', () => {
    expect(readDocumentStrictMode(timing([{ serverTiming: [] }]))).toBe('none');
    expect(readDocumentStrictMode(timing([{ serverTiming: [{ name: 42 }] }]))).toBe('none');
  });

  it('says unknown when the browser does not tell (no entry, no serverTiming on plain http, reading throws)', () => {
    expect(readDocumentStrictMode(timing([]))).toBe('unknown');
    expect(readDocumentStrictMode(timing([{}]))).toBe('unknown');
    expect(
      readDocumentStrictMode({
        getEntriesByType: () => {
          throw new Error('no');
        },
      }),
    ).toBe('unknown');
  });
});
