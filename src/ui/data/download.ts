/**
 * Saving text as a file from the browser: a Blob URL on a temporary
 * anchor with `download`, which works under the app's CSP (blob: is allowed
 * for downloads, nothing is fetched). The text may come as parts (an
 * exporter's `WrittenFile.parts`): the Blob joins them outside the JavaScript
 * heap, so a file larger than the longest string still downloads.
 */

export function downloadText(content: string | readonly string[], fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob(typeof content === 'string' ? [content] : [...content], { type: `${mimeType};charset=utf-8` }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
