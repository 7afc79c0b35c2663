/** Saves a file main made (the support bundle zip, the admin task pack) through the browser's download. */
import type { DownloadFile } from '../store';

/** How long the object URL lives after the click (the download has started by then). */
const REVOKE_AFTER_MS = 10_000;

function blobOf(file: DownloadFile): Blob {
  if ('base64' in file) {
    const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
    return new Blob([bytes], { type: file.mime });
  }
  return new Blob([file.text], { type: `${file.mime};charset=utf-8` });
}

/** base64 → Blob → object URL → an <a download> click; the URL is revoked afterwards. */
export function downloadFile(file: DownloadFile): void {
  const url = URL.createObjectURL(blobOf(file));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
