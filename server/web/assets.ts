// The pages name the built client files through Vite's manifest, read once at start.
// When client/dist is missing (tests without a build, a fresh checkout) the pages are
// served without CSS/JS and still work: the form posts as plain HTML.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../client/dist');
/** The citizen pages' entry; the desk and the map have their own. */
export const CITIZEN_ENTRY = 'src/main.ts';

export interface ClientAssets {
  /** Entry script URL, e.g. /assets/main-abc123.js */
  script: string | null;
  styles: string[];
  /** Everything the service worker caches so the form opens offline (not the lazy map). */
  shell: string[];
}

interface ManifestChunk { file: string; css?: string[]; imports?: string[]; isEntry?: boolean }

/** `entryKey` is the manifest key of a Vite input: `src/main.ts` (citizen pages), `desk/main.ts` (/desk), `map/main.ts` (/peta). */
export function loadClientAssets(distDir = DIST_DIR, entryKey = CITIZEN_ENTRY): ClientAssets {
  const manifestPath = join(distDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) return { script: null, styles: [], shell: [] };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest[entryKey];
  if (!entry) return { script: null, styles: [], shell: [] };
  const files = new Set<string>([entry.file, ...(entry.css ?? [])]);
  // CSS of statically imported chunks (e.g. Leaflet's, shared by two entries) must be linked
  // by the page too; Vite only injects it itself for dynamic imports.
  const styles = new Set<string>(entry.css ?? []);
  const seen = new Set<string>();
  const visit = (keys: string[] | undefined) => {
    for (const key of keys ?? []) {
      const chunk = manifest[key];
      if (!chunk || seen.has(key)) continue;
      seen.add(key);
      files.add(chunk.file);
      for (const css of chunk.css ?? []) styles.add(css);
      visit(chunk.imports);
    }
  };
  visit(entry.imports);
  return {
    script: `/${entry.file}`,
    styles: [...styles].map((f) => `/${f}`),
    shell: [...files].map((f) => `/${f}`),
  };
}
