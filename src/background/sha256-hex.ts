/** SHA-256 of a text's UTF-8 bytes, as lowercase hex (fleet reports carry the policy's hash, never the policy). */
export async function sha256Hex(text: string, subtle: Pick<SubtleCrypto, 'digest'> = crypto.subtle): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
