/** Reads CHANGELOG.md's section for one version (pure): a release must say what changed, and when. */

export interface ChangelogSection {
  readonly version: string;
  /** The heading's date (`## 0.2.0 - 2027-01-15`), or undefined while it says "unreleased". */
  readonly date: string | undefined;
  /** What the section says, trimmed. */
  readonly body: string;
}

const HEADING = /^## \[?(\d+\.\d+\.\d+)\]?(?:\s+[-–]\s+(.*?))?\s*$/;

export function changelogSection(changelog: string, version: string): ChangelogSection | undefined {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => HEADING.exec(line)?.[1] === version);
  if (start === -1) return undefined;
  const after = lines.slice(start + 1);
  const next = after.findIndex((line) => line.startsWith('## '));
  const body = (next === -1 ? after : after.slice(0, next)).join('\n').trim();
  const label = HEADING.exec(lines[start]!)?.[2];
  return { version, date: label !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(label) ? label : undefined, body };
}
