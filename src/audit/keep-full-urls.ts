/**
 * Whether the audit keeps addresses whole or redacted: the organisation's policy when it says, else the person's
 * setting, which is off by default (query values and token-like path segments can be secrets).
 */
import type { ManagedPolicy } from '../policy';
import type { UserSettings } from '../settings';
import { redactUrl } from './redact-url';

export function keepsFullAuditUrls(
  settings: Pick<UserSettings, 'keepFullAuditUrls'>,
  policy: Pick<ManagedPolicy, 'keepFullAuditUrls'>,
): boolean {
  return policy.keepFullAuditUrls ?? settings.keepFullAuditUrls === true;
}

/** How the audit writes an address it stores or shows. */
export function auditUrlWriter(keepFull: boolean): (url: string) => string {
  return keepFull ? (url) => url : redactUrl;
}
