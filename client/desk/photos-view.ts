// Photo thumbnails; a click opens the full photo in a dialog. Photos come from the desk's
// authorised media route, so confidential reports' photos are shown to permitted desks only.
import type { DeskPhoto } from '../../shared/desk.ts';
import { h } from './dom.ts';
import { fmt, TEXT } from './text.ts';

function openPhoto(photo: DeskPhoto, label: string): void {
  const close = h('button', { type: 'button', class: 'desk-btn ghost desk-dialog-close' }, TEXT.close);
  const dialog = h('dialog', { class: 'desk-photo-dialog', 'aria-label': label },
    h('img', { src: photo.url, alt: label, width: photo.width, height: photo.height }), close);
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the picture) closes too.
  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
}

/** `publicText`: the public pages show the report's photos (verified, not confidential). */
export function renderPhotos(photos: DeskPhoto[], publicText: boolean): HTMLElement | null {
  if (!photos.length) return null;
  return h('ul', { class: 'desk-thumbs', id: 'detail-photos' }, ...photos.map((photo, i) => {
    const label = fmt(TEXT.photoOf, { n: i + 1, total: photos.length });
    const button = h('button', { type: 'button', class: 'desk-thumb', 'aria-label': label },
      h('img', { src: photo.thumbUrl, alt: label, loading: 'lazy', width: 128, height: Math.round((128 * photo.height) / Math.max(1, photo.width)) }));
    button.addEventListener('click', () => openPhoto(photo, label));
    // Whether the public sees it, said in words under each photo an officer may moderate.
    const state = photo.hidden ? TEXT.photoHidden : publicText ? TEXT.photoPublic : null;
    return h('li', { 'data-photo': photo.id, 'data-hidden': photo.hidden ? 'true' : 'false' }, button, state && h('span', { class: 'desk-muted desk-photo-state' }, state));
  }));
}
