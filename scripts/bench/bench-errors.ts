/**
 * The two ways a measurement fails. A BrokenRunError says a premise of the benchmark did not hold (a blocked vendor
 * reached the network, the audit lost traffic): Dashguard or the harness is wrong, the run's figures mean nothing,
 * and `npm run bench` exits non-zero. Any other error (a browser that would not start, a worker that would not stop,
 * a timeout on a busy machine) is retried, and after the last attempt the figure is reported "not measured" with
 * the reason while the run writes its other figures.
 */
import { errorMessage } from '../../src/shared';

export class BrokenRunError extends Error {
  constructor(message: string) {
    super(message.startsWith('Broken run') ? message : `Broken run: ${message}`);
    this.name = 'BrokenRunError';
  }
}

/** How many times the runner tries a measurement before it reports it not measured. */
export const STEP_ATTEMPTS = 3;

/** The first line of an error's message, for a table cell. */
export function reasonOf(error: unknown): string {
  const message = errorMessage(error);
  return message.split('\n')[0]!.trim() || 'unknown error';
}
