import { mountStorageHealthAlert, type SendMessage } from './storage-health-alert';
import { STORAGE_HEALTH_GET, type StorageHealth } from '../storage/storage-health';

/** The few parts of an element the alert uses (unit tests run without a DOM). */
function fakeSlot() {
  const attributes: Record<string, string> = {};
  return {
    attributes,
    dataset: {} as Record<string, string>,
    hidden: false,
    textContent: '' as string | null,
    setAttribute(name: string, value: string) {
      attributes[name] = value;
    },
  };
}

const FULL: StorageHealth = { failures: [{ area: 'local', message: '<b>QUOTA_BYTES</b> quota exceeded', since: 1 }] };
const HEALTHY: StorageHealth = { failures: [] };

describe('mountStorageHealthAlert', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function mount(answers: () => unknown) {
    const slot = fakeSlot();
    const sent: unknown[] = [];
    const send: SendMessage = async (message) => {
      sent.push(message);
      return answers();
    };
    mountStorageHealthAlert(slot as unknown as HTMLElement, send);
    await jest.advanceTimersByTimeAsync(0);
    return { slot, sent };
  }

  it('is an alert, hidden while storage is healthy', async () => {
    const { slot, sent } = await mount(() => ({ ok: true, value: HEALTHY }));
    expect(slot.attributes.role).toBe('alert');
    expect(slot.hidden).toBe(true);
    expect(slot.textContent).toBe('');
    expect(sent).toEqual([{ type: STORAGE_HEALTH_GET, payload: null }]);
  });

  it('shows the failure as text, and goes away by itself once writes work again', async () => {
    let answer: StorageHealth = FULL;
    const { slot } = await mount(() => ({ ok: true, value: answer }));
    expect(slot.hidden).toBe(false);
    // The browser's message is shown as text (textContent), markup and all.
    expect(slot.textContent).toMatch(
      /cannot save to browser storage: settings and audit log \(<b>QUOTA_BYTES<\/b> quota exceeded\)/,
    );
    answer = HEALTHY;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(slot.hidden).toBe(true);
    expect(slot.textContent).toBe('');
  });

  it('keeps what it shows when the background does not answer or answers nonsense', async () => {
    let answer: () => unknown = () => ({ ok: true, value: FULL });
    const { slot } = await mount(() => answer());
    const shown = slot.textContent;
    answer = () => {
      throw new Error('Could not establish connection');
    };
    await jest.advanceTimersByTimeAsync(10_000);
    answer = () => ({ ok: true, value: { failures: 'none' } });
    await jest.advanceTimersByTimeAsync(10_000);
    answer = () => ({ ok: false, error: 'unknown message type' });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(slot.textContent).toBe(shown);
    expect(slot.hidden).toBe(false);
  });
});
