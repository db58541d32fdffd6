/** The manifest as a store receives it: without `key`, which only pins the id of unpacked and test builds. */
export function storeManifest(manifest: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { key: _key, ...rest } = manifest;
  return rest;
}
