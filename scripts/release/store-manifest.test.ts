import { storeManifest } from './store-manifest';

describe('storeManifest', () => {
  it('drops the key and keeps everything else', () => {
    const source = { manifest_version: 3, name: 'Dashguard', key: 'MIIB...', permissions: ['storage'] };
    expect(storeManifest(source)).toEqual({ manifest_version: 3, name: 'Dashguard', permissions: ['storage'] });
    expect(source.key).toBe('MIIB...');
  });

  it('leaves a manifest without a key as it was', () => {
    expect(storeManifest({ name: 'x' })).toEqual({ name: 'x' });
  });
});
