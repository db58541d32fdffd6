import { fleetStatusGet } from './fleet-status';
import { isReplyOf } from '../messaging';

const isFleetStatus = (value: unknown): boolean => isReplyOf(fleetStatusGet, value);

describe('the fleet status reply, checked by its schema', () => {
  const status = { enabled: true, host: 'collector.example', lastSentAt: 10, waiting: 2, lastError: 'timeout' };
  it('accepts a full reply and one without the optional fields (or with them undefined, as Firefox sends them)', () => {
    expect(isFleetStatus(status)).toBe(true);
    expect(isFleetStatus({ enabled: false, waiting: 0 })).toBe(true);
    expect(isFleetStatus({ enabled: false, waiting: 0, host: undefined, lastError: undefined })).toBe(true);
  });
  it('refuses each field of the wrong type, a missing one, or an unknown one', () => {
    for (const bad of [
      { ...status, enabled: 'yes' },
      { ...status, host: 7 },
      { ...status, lastSentAt: '10' },
      { ...status, waiting: null },
      { ...status, lastError: false },
      { enabled: true },
      { ...status, authorization: 'Bearer x' },
    ])
      expect(isFleetStatus(bad)).toBe(false);
  });
});
