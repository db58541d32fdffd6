/** The popup's line about records the log dropped to stay within its caps, and from where (pure). */
export function droppedSummary(dropped: Readonly<Record<string, number>>): string {
  const sources = Object.entries(dropped)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = sources.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return '';
  const listed = sources.slice(0, 3).map(([source, n]) => `${n.toLocaleString('en')} from ${source}`);
  const more = sources.length > 3 ? `, and ${sources.length - 3} more` : '';
  return `${total.toLocaleString('en')} record${total === 1 ? '' : 's'} dropped to keep the log within its limit: ${listed.join(', ')}${more}.`;
}
