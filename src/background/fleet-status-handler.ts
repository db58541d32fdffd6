/** `fleet/status` for the extension's pages (fleet-status.ts). Read-only. */
import { handlerFor } from './message-router';
import type { FleetReporter } from '../fleet';
import { fleetStatusGet } from '../fleet';

export function createFleetStatusHandler(reporter: Pick<FleetReporter, 'status'>) {
  return handlerFor(fleetStatusGet, {
    from: ['extension-page'],
    handle: () => reporter.status(),
  });
}
