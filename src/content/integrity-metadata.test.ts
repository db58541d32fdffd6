import { createHash } from 'node:crypto';
import { hasEnforcedIntegrity } from './integrity-metadata';

const digest = (alg: 'sha256' | 'sha384' | 'sha512'): string => createHash(alg).update('void 0;').digest('base64');

describe('hasEnforcedIntegrity', () => {
  test('a real hash of each supported algorithm counts', () => {
    for (const alg of ['sha256', 'sha384', 'sha512'] as const)
      expect(hasEnforcedIntegrity(`${alg}-${digest(alg)}`)).toBe(true);
  });

  test('base64url and an unpadded digest count; options after ? are allowed', () => {
    const url = digest('sha256').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(hasEnforcedIntegrity(`sha256-${url}`)).toBe(true);
    expect(hasEnforcedIntegrity(`sha384-${digest('sha384')}?ct=application/javascript`)).toBe(true);
  });

  test('one usable token among unusable ones counts', () => {
    expect(hasEnforcedIntegrity(`md5-abc  sha512-${digest('sha512')}\nfoo`)).toBe(true);
  });

  test('what the browser ignores does not count', () => {
    for (const value of [
      null,
      '',
      '   ',
      'x',
      'sha256',
      'sha256-',
      'sha256-abc',
      `sha1-${createHash('sha1').update('x').digest('base64')}`,
      `md5-${createHash('md5').update('x').digest('base64')}`,
      `sha256-${digest('sha384')}`,
      `sha384-${digest('sha256')}`,
      `sha256-${digest('sha256')}==`,
      `sha256-${digest('sha256').slice(0, -2)}!=`,
      `sha256 ${digest('sha256')}`,
    ])
      expect({ value, counts: hasEnforcedIntegrity(value) }).toEqual({ value, counts: false });
  });
});
