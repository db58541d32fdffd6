/**
 * The audit log's messages from the extension's pages: export it (the page makes the file) and delete it.
 * Content scripts cannot send these: a web page can neither read nor erase the log.
 */
import type { AuditLogStore } from '../audit';
import { AUDIT_CLEAR_LOG, AUDIT_EXPORT_LOG, auditClearLog, auditExportLog } from '../audit';
import { handlerFor } from './message-router';

export interface AuditLogHandlerDeps {
  readonly auditLog: AuditLogStore;
  readonly retentionDays: () => Promise<number>;
  readonly extensionVersion: string;
}

export function createAuditLogHandlers(deps: AuditLogHandlerDeps) {
  return {
    [AUDIT_EXPORT_LOG]: handlerFor(auditExportLog, {
      from: ['extension-page'],
      handle: async () => {
        const [records, dropped, retentionDays] = await Promise.all([
          deps.auditLog.read(),
          deps.auditLog.dropped(),
          deps.retentionDays(),
        ]);
        return { records, dropped, retentionDays, extensionVersion: deps.extensionVersion };
      },
    }),
    [AUDIT_CLEAR_LOG]: handlerFor(auditClearLog, {
      from: ['extension-page'],
      handle: async () => {
        await deps.auditLog.clear();
        return null;
      },
    }),
  };
}
