/**
 * The audit log's messages from the extension's pages: export it (the page makes the file) and delete it.
 * Content scripts cannot send these: a web page can neither read nor erase the log.
 */
import type { AuditLogExport, AuditLogStore } from '../audit';
import { AUDIT_CLEAR_LOG, AUDIT_EXPORT_LOG } from '../audit';
import { parseNoPayload } from '../messaging';
import { defineHandler, type Handlers } from './message-router';

export interface AuditLogHandlerDeps {
  readonly auditLog: AuditLogStore;
  readonly retentionDays: () => Promise<number>;
  readonly extensionVersion: string;
}

export function createAuditLogHandlers(
  deps: AuditLogHandlerDeps,
): Pick<Handlers, typeof AUDIT_EXPORT_LOG | typeof AUDIT_CLEAR_LOG> {
  return {
    [AUDIT_EXPORT_LOG]: defineHandler<null, AuditLogExport>({
      from: ['extension-page'],
      parse: parseNoPayload,
      handle: async () => {
        const [records, dropped, retentionDays] = await Promise.all([
          deps.auditLog.read(),
          deps.auditLog.dropped(),
          deps.retentionDays(),
        ]);
        return { records, dropped, retentionDays, extensionVersion: deps.extensionVersion };
      },
    }),
    [AUDIT_CLEAR_LOG]: defineHandler<null, null>({
      from: ['extension-page'],
      parse: parseNoPayload,
      handle: async () => {
        await deps.auditLog.clear();
        return null;
      },
    }),
  };
}
