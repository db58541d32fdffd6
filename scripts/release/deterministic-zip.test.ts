import { archivePaths, deterministicZip, unzipEntries, zipPathProblems, type ZipEntry } from './deterministic-zip';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

const ENTRIES: ZipEntry[] = [
  { path: 'rules/blocklist.json', data: text('{"rules":[]}\n') },
  { path: 'background.js', data: text('console.log("bg");\n'.repeat(50)) },
  { path: 'run', data: text('#!/bin/sh\n'), executable: true },
  { path: 'icons/icon-16.png', data: new Uint8Array([137, 80, 78, 71, 0, 255]) },
];

/** The central directory records: name, DOS time and date, external attributes. */
function centralDirectory(archive: Uint8Array): { name: string; time: number; date: number; mode: number }[] {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const records: { name: string; time: number; date: number; mode: number }[] = [];
  for (let offset = 0; offset + 46 <= archive.length; offset += 1) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(offset + 28, true);
    records.push({
      name: new TextDecoder().decode(archive.subarray(offset + 46, offset + 46 + nameLength)),
      time: view.getUint16(offset + 12, true),
      date: view.getUint16(offset + 14, true),
      mode: view.getUint32(offset + 38, true) >>> 16,
    });
  }
  return records;
}

function withTimeZone<T>(zone: string, run: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  try {
    return run();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

describe('deterministicZip', () => {
  it('gives the same bytes for the same files, whatever order they come in', () => {
    const once = deterministicZip(ENTRIES);
    const reversed = deterministicZip([...ENTRIES].reverse());
    expect(Buffer.from(reversed).equals(Buffer.from(once))).toBe(true);
  });

  it('gives different bytes when one byte of one file differs (the comparison can fail)', () => {
    const changed = ENTRIES.map((entry) => (entry.path === 'run' ? { ...entry, data: text('#!/bin/bash\n') } : entry));
    expect(Buffer.from(deterministicZip(changed)).equals(Buffer.from(deterministicZip(ENTRIES)))).toBe(false);
  });

  it('stores the files sorted by path, with their exact contents', () => {
    const archive = deterministicZip(ENTRIES);
    expect(archivePaths(archive)).toEqual(['background.js', 'icons/icon-16.png', 'rules/blocklist.json', 'run']);
    const files = unzipEntries(archive);
    for (const entry of ENTRIES) expect(Buffer.from(files.get(entry.path)!).equals(Buffer.from(entry.data))).toBe(true);
  });

  it('stamps every entry 1980-01-01 00:00 in every time zone, with Unix modes 644 or 755', () => {
    const archives = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((zone) => withTimeZone(zone, () => deterministicZip(ENTRIES)));
    for (const archive of archives.slice(1)) expect(Buffer.from(archive).equals(Buffer.from(archives[0]!))).toBe(true);
    const records = centralDirectory(archives[0]!);
    expect(records.map((r) => r.name)).toEqual(['background.js', 'icons/icon-16.png', 'rules/blocklist.json', 'run']);
    // DOS date: (year - 1980) << 9 | month << 5 | day; time 00:00:00.
    for (const record of records) expect({ time: record.time, date: record.date }).toEqual({ time: 0, date: (1 << 5) | 1 });
    expect(Object.fromEntries(records.map((r) => [r.name, r.mode.toString(8)]))).toEqual({
      'background.js': '100644',
      'icons/icon-16.png': '100644',
      'rules/blocklist.json': '100644',
      run: '100755',
    });
  });

  it('refuses absolute, backslashed, dotted, empty and repeated paths', () => {
    expect(zipPathProblems(['/etc/passwd', 'a\\b', '../x', 'a/./b', 'a//b', '', 'ok.js', 'ok.js'])).toEqual([
      '"/etc/passwd" is not a plain relative path',
      '"a\\b" is not a plain relative path',
      '"../x" is not a plain relative path',
      '"a/./b" is not a plain relative path',
      '"a//b" is not a plain relative path',
      '"" is not a plain relative path',
      '"ok.js" appears twice',
    ]);
    expect(() => deterministicZip([{ path: '../x', data: text('') }])).toThrow(/not a plain relative path/);
  });

  it('refuses a path that would not keep its sorted place', () => {
    expect(() => deterministicZip([{ path: 'a', data: text('') }, { path: '7', data: text('') }, { path: '10', data: text('') }])).toThrow(/array index/);
  });
});
