/**
 * Reads strict mode's marker from this document's own navigation entry (`serverTiming`, from the response headers
 * the strict-mode rule appended). The content script's world has its own `performance` object, so a page script that
 * replaces the page's `performance.getEntriesByType` or its prototype changes nothing here; and no script can change
 * the headers a document was loaded with. On a plain-http page browsers expose no serverTiming: "unknown".
 */
import type { DocumentStrictMode } from '../strict-mode';
import { documentStrictModeOf } from '../strict-mode';

interface TimingSource {
  getEntriesByType(type: string): readonly unknown[];
}

export function readDocumentStrictMode(performance: TimingSource): DocumentStrictMode {
  try {
    const entry = performance.getEntriesByType('navigation')[0] as
      { serverTiming?: readonly { name?: unknown }[] } | undefined;
    // Browsers expose serverTiming in secure contexts only: on plain http there is nothing to read.
    const serverTiming: readonly { name?: unknown }[] | undefined = entry?.serverTiming;
    if (!Array.isArray(serverTiming)) return 'unknown';
    return documentStrictModeOf(
      (serverTiming as readonly { name?: unknown }[]).map((metric) =>
        typeof metric.name === 'string' ? metric.name : '',
      ),
    );
  } catch {
    return 'unknown';
  }
}
