/**
 * "A sensitive page shown without strict mode", for the fleet report (pure): a dashboard document that its content
 * script found loaded without strict mode's policy (marker 'none'), at an address one of the sensitive pages in force
 * covers; typically a page made sensitive while it was open. The page leaves only as the audit redacts it.
 */
import type { DocumentStrictMode } from '../strict-mode';
import type { RuleStateInput } from '../rules';
import { redactUrl } from '../audit';
import { matchesUrlFilter } from '../domains';
import { strictModePagesFor } from '../rules';

export interface ReportedDocument {
  readonly dashboardId: string | null;
  /** The document's address as the browser gave it (fragment and credentials already removed). */
  readonly documentUrl: string;
  /** What the content script read from the document's marker; undefined when it did not say. */
  readonly strictMode: DocumentStrictMode | undefined;
}

/** Whether the document could be one at all, without looking at the sensitive pages (most reports stop here). */
export function mayBeUnprotected(document: ReportedDocument): boolean {
  return document.strictMode === 'none' && document.dashboardId !== null;
}

/** The redacted page if the document is a sensitive page shown without strict mode, else undefined. */
export function unprotectedSensitivePage(document: ReportedDocument, input: RuleStateInput): string | undefined {
  if (!mayBeUnprotected(document)) return undefined;
  let host: string;
  try {
    host = new URL(document.documentUrl).hostname;
  } catch {
    return undefined;
  }
  const pages = strictModePagesFor(host, input);
  return pages.some((page) => matchesUrlFilter(page.urlFilter, document.documentUrl))
    ? redactUrl(document.documentUrl)
    : undefined;
}

/**
 * The key a document's event goes out once under: the document (its tab and content-script instance) and the
 * redacted page, so an app routing inside one document to another sensitive page reports that one too. Stored with
 * the queue, so redacted: no query value is written down.
 */
export function unprotectedOnceKey(documentKey: string, page: string): string {
  return `sensitive-unprotected ${documentKey} ${page}`;
}
