/**
 * How long the audit log keeps records: the organisation's policy when it sets a value, else the user's setting.
 */
import { DEFAULT_AUDIT_RETENTION_DAYS, MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from './audit-limits';
import type { ManagedPolicy } from '../policy';
import type { UserSettings } from '../settings';

const DAY_MS = 86_400_000;

export function auditRetentionDays(
  settings: Pick<UserSettings, 'auditRetentionDays'>,
  policy: Pick<ManagedPolicy, 'auditRetentionDays'>,
): number {
  const days = policy.auditRetentionDays ?? settings.auditRetentionDays;
  if (!Number.isInteger(days)) return DEFAULT_AUDIT_RETENTION_DAYS;
  return Math.min(MAX_AUDIT_RETENTION_DAYS, Math.max(MIN_AUDIT_RETENTION_DAYS, days));
}

/** Records last seen before this time (ms since the epoch) are past retention. */
export function retentionCutoff(now: number, days: number): number {
  return now - days * DAY_MS;
}
