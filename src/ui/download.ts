/**
 * Saves text as a file through an <a download> with a Blob URL: no `downloads` permission needed. The URL is
 * revoked a minute later, not at once: Firefox may still be reading it after the click returns.
 */
export function downloadText(document: Document, fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
