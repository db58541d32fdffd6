/** `fleet/status` for the extension's pages (fleet-status.ts). Read-only. */
import { defineHandler } from './message-router';
import type { FleetReporter, FleetStatus } from '../fleet';

export function createFleetStatusHandler(reporter: Pick<FleetReporter, 'status'>) {
  return defineHandler<null, FleetStatus>({
    from: ['extension-page'],
    parse: (payload) =>
      payload === null || payload === undefined
        ? { ok: true, value: null }
        : { ok: false, error: 'fleet/status takes no payload' },
    handle: () => reporter.status(),
  });
}
