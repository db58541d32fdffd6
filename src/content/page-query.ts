/**
 * Answers "which document are you?": the background's (tab-audit-lifecycle.ts; a tab whose top frame does not answer
 * has left the dashboards, and its audit is dropped) and the popup's, which also shows whether this document was
 * loaded under strict mode's policy.
 */
import type { AuditPageAnswer } from '../audit';
import type { DocumentStrictMode } from '../strict-mode';
import { AUDIT_PAGE_QUERY } from '../audit';
import type { ExtensionRuntime } from './extension-runtime';

export function answerPageQueries(runtime: ExtensionRuntime, timeOrigin: number, strictMode: DocumentStrictMode): void {
  runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== AUDIT_PAGE_QUERY)
      return undefined;
    const answer: AuditPageAnswer = { timeOrigin, strictMode };
    sendResponse(answer);
    return undefined;
  });
}
