/**
 * The audit log's buttons in the popup: export as JSON or CSV (the background reads the log, this page writes the
 * file) and delete, which asks for a second click to confirm.
 */
import { auditExportFileName, auditLogCsv, auditLogJson } from '../src/audit/audit-export';
import { AUDIT_CLEAR_LOG, AUDIT_EXPORT_LOG, isAuditLogExport } from '../src/audit/audit-messages';

export interface LogActionsDeps {
  readonly sendMessage: (message: unknown) => Promise<unknown>;
  readonly download: (fileName: string, text: string, mimeType: string) => void;
  readonly now: () => number;
  /** Where the outcome is said (a role=status element). */
  readonly status: HTMLElement;
  readonly exportJson: HTMLButtonElement;
  readonly exportCsv: HTMLButtonElement;
  readonly clear: HTMLButtonElement;
  /** How long the delete button waits for its confirming click. */
  readonly confirmMs: number;
}

function replyValue(reply: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true) return { ok: true, value: (reply as { value?: unknown }).value };
  const error = typeof reply === 'object' && reply !== null ? (reply as { error?: unknown }).error : undefined;
  return { ok: false, error: typeof error === 'string' ? error : 'no answer from Dashguard' };
}

export function installLogActions(deps: LogActionsDeps): void {
  const say = (text: string): void => {
    deps.status.textContent = text;
  };

  const exportAs = async (format: 'json' | 'csv'): Promise<void> => {
    say('Preparing the export…');
    try {
      const reply = replyValue(await deps.sendMessage({ type: AUDIT_EXPORT_LOG, payload: null }));
      if (!reply.ok || !isAuditLogExport(reply.value)) throw new Error(reply.ok ? 'unexpected answer' : reply.error);
      const log = reply.value;
      const now = deps.now();
      const text = format === 'json'
        ? auditLogJson(log.records, { exportedAt: now, extensionVersion: log.extensionVersion, retentionDays: log.retentionDays, dropped: log.dropped })
        : auditLogCsv(log.records);
      deps.download(auditExportFileName(now, format), text, format === 'json' ? 'application/json' : 'text/csv');
      say(`Exported ${log.records.length} log record${log.records.length === 1 ? '' : 's'} as ${format.toUpperCase()}.`);
    } catch (error) {
      say(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  deps.exportJson.addEventListener('click', () => void exportAs('json'));
  deps.exportCsv.addEventListener('click', () => void exportAs('csv'));

  const label = deps.clear.textContent ?? 'Delete log';
  let armed: ReturnType<typeof setTimeout> | undefined;
  const disarm = (): void => {
    if (armed !== undefined) clearTimeout(armed);
    armed = undefined;
    deps.clear.textContent = label;
    deps.clear.classList.remove('danger');
  };
  deps.clear.addEventListener('click', () => {
    if (armed === undefined) {
      deps.clear.textContent = 'Click again to delete';
      deps.clear.classList.add('danger');
      say('This deletes the audit log of every tab. Click again to confirm.');
      armed = setTimeout(() => {
        disarm();
        say('');
      }, deps.confirmMs);
      return;
    }
    disarm();
    void (async () => {
      try {
        const reply = replyValue(await deps.sendMessage({ type: AUDIT_CLEAR_LOG, payload: null }));
        if (!reply.ok) throw new Error(reply.error);
        say('Audit log deleted.');
      } catch (error) {
        say(`The log was not deleted: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });
}
