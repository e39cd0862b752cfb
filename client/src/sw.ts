// The service worker keeps the app shell (pages and built assets) so the form opens with no
// signal. Pages: network first (fresh language, fresh asset names), cache when offline.
// Hashed assets: cache first. The API is never cached: a report is sent or it waits in the outbox.

// The DOM lib is in scope for the rest of client/, so the few worker types used are named here.
interface ExtendableEventLike extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchEventLike extends ExtendableEventLike { request: Request; respondWith(r: Promise<Response>): void }
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const worker = self as unknown as WorkerScope;

const CACHE = 'suara-warga-shell-v1';

async function precache(): Promise<void> {
  const res = await fetch('/app-shell.json', { cache: 'no-cache' });
  const { urls } = (await res.json()) as { urls: string[] };
  const cache = await caches.open(CACHE);
  // One by one, so one missing page does not fail the whole install on a flaky line.
  await Promise.all(urls.map((url) => cache.add(new Request(url, { cache: 'no-cache', credentials: 'same-origin' })).catch(() => undefined)));
}

worker.addEventListener('install', (e) => e.waitUntil(precache().then(() => worker.skipWaiting())));
worker.addEventListener('activate', (e) => e.waitUntil(worker.clients.claim()));

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Only the shell pages are kept; receipts and tracking pages are fetched fresh or not at all.
    const path = new URL(request.url).pathname;
    if (response.ok && /^\/($|lapor\/\w+$|lacak$)/.test(path)) await cache.put(path, response.clone());
    return response;
  } catch {
    const cached = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match('/'));
    return cached ?? new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('fetch', (e) => {
  const { request } = e;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (url.pathname.startsWith('/assets/')) e.respondWith(cacheFirst(request));
  else if (request.mode === 'navigate' && /^\/($|lapor\/|lacak|terkirim\/)/.test(url.pathname)) e.respondWith(networkFirst(request));
});
