import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { auditUrlWriter, keepsFullAuditUrls } from './keep-full-urls';

const secretUrl = 'https://x.example/reset/3fa85f64-5717-4562-b3fc-2c963f66afa6?token=s3cret';

describe('keepsFullAuditUrls', () => {
  test('off by default', () => {
    expect(keepsFullAuditUrls(DEFAULT_SETTINGS, NO_POLICY)).toBe(false);
  });
  test('the person may switch it on', () => {
    expect(keepsFullAuditUrls({ keepFullAuditUrls: true }, NO_POLICY)).toBe(true);
  });
  test('the policy wins either way', () => {
    expect(keepsFullAuditUrls({ keepFullAuditUrls: true }, { keepFullAuditUrls: false })).toBe(false);
    expect(keepsFullAuditUrls({ keepFullAuditUrls: false }, { keepFullAuditUrls: true })).toBe(true);
  });
});

describe('auditUrlWriter', () => {
  test('redacts unless told to keep addresses whole', () => {
    expect(auditUrlWriter(false)(secretUrl)).toBe('https://x.example/reset/[36]?token=[6]');
    expect(auditUrlWriter(true)(secretUrl)).toBe(secretUrl);
  });
});
