// The hash that names every blob: FIPS 180-2 test vectors, and the same answer whatever view
// of the bytes is passed in.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/shared/sha256.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('%j → %s', async (input, expected) => {
    expect(await sha256Hex(utf8(input))).toBe(expected);
  });

  it('hashes an ArrayBuffer and a Uint8Array of the same bytes alike', async () => {
    const bytes = utf8('abc');
    expect(await sha256Hex(bytes.slice().buffer)).toBe(await sha256Hex(bytes));
  });

  it('hashes only the bytes a view covers, not its whole buffer', async () => {
    const buffer = utf8('xxabcxx');
    expect(await sha256Hex(buffer.subarray(2, 5))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes a million bytes (a photo-sized input) to 64 lower-case hex digits', async () => {
    const bytes = new Uint8Array(1_000_000).fill(0x61);
    // One million "a": the long FIPS vector.
    expect(await sha256Hex(bytes)).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});
