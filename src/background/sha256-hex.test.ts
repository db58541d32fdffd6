import { sha256Hex } from './sha256-hex';

describe('sha256Hex', () => {
  it('gives the standard digests, lowercase hex, of UTF-8 text', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // A byte below 0x10 keeps its leading zero.
    expect(await sha256Hex('x6')).toBe('0520220e0f12bb847b57ad4bb3dfe908368a1057a7028b92186e73769fe3cc62');
    // Non-ASCII text is hashed as its UTF-8 bytes.
    expect(await sha256Hex('\u00e9')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});
