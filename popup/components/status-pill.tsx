/** A request's or a vendor's status as a coloured pill (colours from theme.css, light and dark). */
import type { AuditStatus } from '../../src/audit';
import { STATUS_LABEL, BLOCKED_STATUSES } from '../../src/audit';

export function statusClass(status: AuditStatus | undefined): string {
  if (status === undefined) return 'status-mixed';
  if (BLOCKED_STATUSES.has(status)) return 'status-blocked';
  return status === 'allowed-unknown' || status === 'report-only' ? 'status-warn' : 'status-allowed';
}

export function StatusPill({ status }: { readonly status: AuditStatus | undefined }) {
  return <span class={`pill ${statusClass(status)}`}>{status === undefined ? 'Mixed' : STATUS_LABEL[status]}</span>;
}
