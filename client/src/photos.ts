// Photos are shrunk in the phone (longest side 1600 px, JPEG) before they leave it: a 4 MB
// camera photo becomes ~300 KB, which is the difference between sending and not on 2G.
import { t } from './i18n.ts';

const LONGEST_SIDE = 1600;
const QUALITY = 0.8;

async function decode(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if ('createImageBitmap' in window) {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch { /* fall back to an <img>, which some old WebViews decode better */ }
  }
  const img = new Image();
  img.src = URL.createObjectURL(file);
  await img.decode();
  return img;
}

export async function downscale(file: Blob): Promise<Blob> {
  const source = await decode(file);
  const scale = Math.min(1, LONGEST_SIDE / Math.max(source.width, source.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(source.width * scale);
  canvas.height = Math.round(source.height * scale);
  canvas.getContext('2d')!.drawImage(source, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  if (!blob) throw new Error('encode failed');
  return blob;
}

/** The photos chosen so far, with thumbnails and a remove button each. */
export class PhotoList {
  readonly blobs: Blob[] = [];

  constructor(
    private readonly input: HTMLInputElement, private readonly list: HTMLElement, private readonly error: HTMLElement, private readonly max: number,
    /** Told after every change, so the draft keeps the photos too. */
    private readonly onChange: (blobs: Blob[]) => void = () => {},
  ) {
    input.classList.add('file-input');
    input.addEventListener('change', () => void this.add([...(input.files ?? [])]));
  }

  restore(blobs: Blob[]): void {
    this.blobs.splice(0, this.blobs.length, ...blobs.slice(0, this.max));
    this.render();
  }

  private async add(files: File[]): Promise<void> {
    this.error.textContent = '';
    for (const file of files) {
      if (this.blobs.length >= this.max) {
        this.error.textContent = t('photoLimit', { max: this.max });
        break;
      }
      try {
        this.blobs.push(await downscale(file));
      } catch {
        this.error.textContent = t('photoFailed');
      }
    }
    // The shrunk copies are sent, not the originals; the input is emptied so a plain post never doubles them.
    this.input.value = '';
    this.render();
    this.onChange(this.blobs);
  }

  private render(): void {
    this.list.replaceChildren(...this.blobs.map((blob, i) => {
      const li = document.createElement('li');
      const img = document.createElement('img');
      img.src = URL.createObjectURL(blob);
      img.alt = '';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'remove';
      remove.textContent = '✕';
      remove.setAttribute('aria-label', t('removePhoto', { n: i + 1 }));
      remove.addEventListener('click', () => {
        this.blobs.splice(i, 1);
        this.render();
        this.onChange(this.blobs);
        this.input.focus();
      });
      li.append(img, remove);
      return li;
    }));
  }

  clear(): void {
    this.blobs.length = 0;
    this.render();
  }
}
