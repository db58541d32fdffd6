/**
 * `fleet/status`: where fleet reports go and how delivery stands, for the options page and the popup footer. Read
 * by the extension's own pages only; it never carries the Authorization value.
 */
import { isRecord } from '../shared';
export const FLEET_STATUS_GET = 'fleet/status';

export interface FleetStatus {
  readonly enabled: boolean;
  /** The collector's host, when enabled. */
  readonly host: string | undefined;
  readonly lastSentAt: number | undefined;
  /** Events waiting to be sent (dropped ones included, until their count is sent). */
  readonly waiting: number;
  readonly lastError: string | undefined;
}

const optional = (value: unknown, type: 'string' | 'number'): boolean => value === undefined || typeof value === type;

/** Checks a `fleet/status` reply where a page receives it. */
export function isFleetStatus(value: unknown): value is FleetStatus {
  return (
    isRecord(value) &&
    typeof value.enabled === 'boolean' &&
    optional(value.host, 'string') &&
    optional(value.lastSentAt, 'number') &&
    typeof value.waiting === 'number' &&
    optional(value.lastError, 'string')
  );
}

/** The sentence the options page and the popup footer show; undefined when reporting is off. */
export function fleetStatusLine(status: FleetStatus, formatTime: (ms: number) => string): string | undefined {
  if (!status.enabled || status.host === undefined) return undefined;
  const sent =
    status.lastSentAt === undefined ? 'no batch sent yet' : `last batch sent at ${formatTime(status.lastSentAt)}`;
  const problem = status.lastError === undefined ? '' : ` (last try: ${status.lastError})`;
  return `Reports go to ${status.host}, set by your organisation; ${sent}, ${status.waiting} waiting${problem}.`;
}
