/**
 * Splunk HTTP Event Collector events (`/services/collector/event`): one JSON object per event, concatenated, each
 * with `sourcetype` dashguard, its time in seconds, the event's fields under `event` (its `id` included, so a search
 * can drop a batch received twice) and what the whole report shares under `fields` (indexed).
 */
import { describeEvent, type FleetEvent, type FleetReportContext } from './fleet-event';

export function encodeSplunkHec(events: readonly FleetEvent[], context: FleetReportContext): string {
  const fields = {
    'dashguard.version': context.extensionVersion,
    'dashguard.browser': context.browser,
    'dashguard.policy_hash': context.policyHash,
    ...(context.deviceLabel === undefined ? {} : { 'dashguard.device_label': context.deviceLabel }),
  };
  return events
    .map((event) =>
      JSON.stringify({
        time: event.time / 1000,
        ...(context.deviceLabel === undefined ? {} : { host: context.deviceLabel }),
        source: 'dashguard',
        sourcetype: 'dashguard',
        event: { ...event, message: describeEvent(event), userAgent: context.userAgent },
        fields,
      }),
    )
    .join('\n');
}
