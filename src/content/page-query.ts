/**
 * Answers the background's "which document are you?" (tab-audit-lifecycle.ts). A tab whose top frame does not
 * answer has left the dashboards, and its audit is dropped.
 */
import { AUDIT_PAGE_QUERY, type AuditPageAnswer } from '../shared/audit-messages';
import type { ExtensionRuntime } from './extension-runtime';

export function answerPageQueries(runtime: ExtensionRuntime, timeOrigin: number): void {
  runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== AUDIT_PAGE_QUERY) return undefined;
    const answer: AuditPageAnswer = { timeOrigin };
    sendResponse(answer);
    return undefined;
  });
}
