/**
 * @jest-environment jsdom
 */
/**
 * The popup footer's two lines about the log, in jsdom with Testing Library: `#log-dropped` (what the log dropped to
 * stay within its caps) and `#fleet-status` (where the organisation's fleet reporting sends it), the latter with the
 * real line module and a fake background.
 */
import { render, waitFor } from '@testing-library/preact';
import { mountFleetStatusLine, type StorageEvents } from '../../src/fleet/fleet-status-line';
import { FLEET_STATE_KEY } from '../../src/fleet/fleet-storage-layout';
import type { FleetStatus } from '../../src/fleet/fleet-status';
import { LogFooter, type LogFooterProps } from './log-footer';

const props = (over: Partial<LogFooterProps> = {}): LogFooterProps => ({
  droppedText: '',
  mountFleetStatus: () => undefined,
  retentionDays: 30,
  status: '',
  clearArmed: false,
  onExport: () => undefined,
  onClear: () => undefined,
  ...over,
});

/** A background that answers `fleet/status`, and storage events the test fires. */
function fakeFleet(first: FleetStatus | 'error') {
  let status = first;
  const asked: unknown[] = [];
  const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
  const events: StorageEvents = { addListener: (listener) => void listeners.push(listener) };
  return {
    asked,
    set: (next: FleetStatus | 'error') => (status = next),
    fire: (changes: Record<string, unknown>, area: string) => listeners.forEach((l) => l(changes, area)),
    mount: (slot: HTMLElement) =>
      mountFleetStatusLine(
        slot,
        (message) => {
          asked.push(message);
          return Promise.resolve(status === 'error' ? { ok: false, error: 'no' } : { ok: true, value: status });
        },
        events,
      ),
  };
}

const reporting: FleetStatus = {
  enabled: true,
  host: 'collector.corp.example',
  lastSentAt: undefined,
  waiting: 3,
  lastError: undefined,
};

describe('log footer: dropped records', () => {
  it('is hidden while the log dropped nothing, and says what it dropped once it has', () => {
    const { container, rerender } = render(<LogFooter {...props()} />);
    const line = container.querySelector<HTMLElement>('#log-dropped')!;
    expect(line.hidden).toBe(true);
    expect(line.textContent).toBe('');
    const text = '12 records dropped to keep the log within its limit: 12 from https://app.ci.example tab 4.';
    rerender(<LogFooter {...props({ droppedText: text })} />);
    expect(line.hidden).toBe(false);
    expect(line.textContent).toBe(text);
  });

  it('shows a source with markup in it as text', () => {
    const text = '1 record dropped to keep the log within its limit: 1 from <img src=x onerror=alert(1)>.';
    const { container } = render(<LogFooter {...props({ droppedText: text })} />);
    expect(container.querySelector('#log-dropped')?.textContent).toBe(text);
    expect(container.querySelector('#log-dropped img')).toBeNull();
  });
});

describe('log footer: fleet reporting', () => {
  it('mounts the line once into #fleet-status, and redraws of the footer leave it alone', () => {
    const mount = jest.fn<void, [HTMLElement]>();
    const { container, rerender } = render(<LogFooter {...props({ mountFleetStatus: mount })} />);
    expect(mount).toHaveBeenCalledTimes(1);
    expect(mount.mock.calls[0]?.[0]).toBe(container.querySelector('#fleet-status'));
    rerender(<LogFooter {...props({ mountFleetStatus: mount, status: 'Exported 3 log records as JSON.' })} />);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('says where reports go while the policy turns reporting on, and follows the send state', async () => {
    const fleet = fakeFleet(reporting);
    const { container } = render(<LogFooter {...props({ mountFleetStatus: fleet.mount })} />);
    const line = container.querySelector<HTMLElement>('#fleet-status')!;
    await waitFor(() => expect(line.hidden).toBe(false));
    expect(line.textContent).toBe(
      'Reports go to collector.corp.example, set by your organisation; no batch sent yet, 3 waiting.',
    );
    fleet.set({ ...reporting, waiting: 0, lastError: 'HTTP 503' });
    fleet.fire({ [FLEET_STATE_KEY]: {} }, 'local');
    await waitFor(() => expect(line.textContent).toContain('0 waiting (last try: HTTP 503).'));
    // An unrelated storage change does not ask again.
    const asked = fleet.asked.length;
    fleet.fire({ 'settings:v1': {} }, 'local');
    expect(fleet.asked).toHaveLength(asked);
  });

  it('is hidden while reporting is off, when the policy turns it off, and when the background cannot answer', async () => {
    const fleet = fakeFleet({ ...reporting, enabled: false, host: undefined });
    const { container } = render(<LogFooter {...props({ mountFleetStatus: fleet.mount })} />);
    const line = container.querySelector<HTMLElement>('#fleet-status')!;
    await waitFor(() => expect(fleet.asked).toHaveLength(1));
    expect(line.hidden).toBe(true);
    fleet.set(reporting);
    fleet.fire({}, 'managed');
    await waitFor(() => expect(line.hidden).toBe(false));
    fleet.set('error');
    fleet.fire({}, 'managed');
    await waitFor(() => expect(line.hidden).toBe(true));
    expect(line.textContent).toBe('');
  });
});
