import { describeStorageHealth, storageHealthGet } from './storage-health';
import { isReplyOf } from '../messaging';

const isStorageHealth = (value: unknown): boolean => isReplyOf(storageHealthGet, value);

describe('storage health', () => {
  it('accepts well-formed replies only', () => {
    expect(isStorageHealth({ failures: [] })).toBe(true);
    expect(isStorageHealth({ failures: [{ area: 'local', message: 'full', since: 1 }] })).toBe(true);
    expect(isStorageHealth({ failures: [{ area: 'sync', message: 'full', since: 1 }] })).toBe(false);
    expect(isStorageHealth({ failures: [{ area: 'local', message: 1, since: 1 }] })).toBe(false);
    expect(isStorageHealth({})).toBe(false);
    expect(isStorageHealth(null)).toBe(false);
  });

  it('says nothing when healthy, and names what cannot be saved and that blocking continues', () => {
    expect(describeStorageHealth({ failures: [] })).toBeUndefined();
    const text = describeStorageHealth({
      failures: [{ area: 'local', message: 'QUOTA_BYTES quota exceeded', since: 1 }],
    });
    expect(text).toMatch(/cannot save/);
    expect(text).toMatch(/settings and audit log \(QUOTA_BYTES quota exceeded\)/);
    expect(text).toMatch(/Blocking continues/);
  });
});

describe('the storage health schema', () => {
  const failure = { area: 'local', message: 'QUOTA_BYTES quota exceeded', since: 5 };
  it('refuses each field of a failure that is wrong, missing or unknown', () => {
    expect(isStorageHealth({ failures: [failure] })).toBe(true);
    for (const bad of [
      { ...failure, area: 'sync' },
      { ...failure, message: null },
      { ...failure, since: '5' },
      { area: 'local', message: 'x' },
      { ...failure, extra: true },
    ])
      expect(isStorageHealth({ failures: [bad] })).toBe(false);
    expect(isStorageHealth({ failures: [], extra: 1 })).toBe(false);
    expect(isStorageHealth({})).toBe(false);
  });
});
