/**
 * `fleet/status`: where fleet reports go and how delivery stands, for the options page and the popup footer. Read
 * by the extension's own pages only; it never carries the Authorization value.
 */
import type { SchemaType } from '../schema';
import { NO_PAYLOAD, defineMessage } from '../messaging';

export const FLEET_STATUS_GET = 'fleet/status';

export const fleetStatusSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['enabled', 'waiting'],
  properties: {
    enabled: { type: 'boolean' },
    /** The collector's host, when enabled. */
    host: { type: 'string' },
    lastSentAt: { type: 'number' },
    /** Events waiting to be sent (dropped ones included, until their count is sent). */
    waiting: { type: 'number' },
    lastError: { type: 'string' },
  },
} as const;

export type FleetStatus = SchemaType<typeof fleetStatusSchema>;

/** `fleet/status`: no payload; the reply is checked where a page receives it. */
export const fleetStatusGet = defineMessage(FLEET_STATUS_GET, NO_PAYLOAD, fleetStatusSchema);

/** The sentence the options page and the popup footer show; undefined when reporting is off. */
export function fleetStatusLine(status: FleetStatus, formatTime: (ms: number) => string): string | undefined {
  if (!status.enabled || status.host === undefined) return undefined;
  const sent =
    status.lastSentAt === undefined ? 'no batch sent yet' : `last batch sent at ${formatTime(status.lastSentAt)}`;
  const problem = status.lastError === undefined ? '' : ` (last try: ${status.lastError})`;
  return `Reports go to ${status.host}, set by your organisation; ${sent}, ${status.waiting} waiting${problem}.`;
}
