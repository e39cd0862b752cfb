// Builds the progressive enhancement for the server-rendered pages: one module entry
// (hashed, cached a year) and the service worker at a fixed URL (/sw.js, revalidated).
// The officers' desk and the staff map (/peta) are their own entries, so a citizen's phone
// never downloads them and Leaflet never weighs on the citizen pages.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    // Small files stay separate so a phone on 2G caches them once; nothing is inlined.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { main: `${root}src/main.ts`, desk: `${root}desk/main.ts`, admin: `${root}admin/main.ts`, map: `${root}map/main.ts`, sw: `${root}src/sw.ts` },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
