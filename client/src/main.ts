// Progressive enhancement of the server-rendered pages; everything here is optional —
// without it the pages still post plain forms.
import './style.css';
import { initForm } from './form.ts';
import { initPendingNotice } from './pending-notice.ts';
import { showSent } from './my-reports.ts';
import { initReceipt } from './receipt.ts';

document.documentElement.classList.add('js');

/** The switch is a link that sets a cookie; localStorage remembers it if cookies are cleared. */
function rememberLanguage(): void {
  const current = document.documentElement.lang;
  document.querySelector<HTMLAnchorElement>('a.lang')?.addEventListener('click', (e) => {
    try { localStorage.setItem('lang', (e.currentTarget as HTMLAnchorElement).dataset.lang ?? 'id'); } catch { /* private mode */ }
  });
  let stored: string | null = null;
  try { stored = localStorage.getItem('lang'); } catch { /* private mode */ }
  if (stored && stored !== current && !/(^|;\s*)lang=/.test(document.cookie)) {
    document.cookie = `lang=${stored}; path=/; max-age=31536000; samesite=lax`;
    location.reload();
  }
}

rememberLanguage();
const page = document.documentElement.dataset.page;
const form = document.getElementById('report-form');
if ((page === 'form' || page === 'ngopi') && form instanceof HTMLFormElement) initForm(form);
else initPendingNotice(document.getElementById('outbox-status'));
if (page === 'receipt') initReceipt();
if (page === 'home') showSent(document.getElementById('my-reports'));
const live = document.getElementById('live');
if (page === 'ngopi' && live) void import('./ngopi/live.ts').then((m) => m.startLiveList(live)).catch(() => { /* the server-rendered list stays */ });

const mapSlot = document.getElementById('public-map-slot');
if (page === 'laporan' && mapSlot) {
  // The map costs Leaflet (~45 KB): only on request, so the list stays light on a phone.
  const show = document.createElement('button');
  show.type = 'button';
  show.className = 'btn secondary';
  show.id = 'show-map';
  show.textContent = 'Tampilkan peta';
  show.addEventListener('click', () => {
    show.disabled = true;
    import('../map/public-map.ts').then((m) => m.showPublicMap(mapSlot, mapSlot.dataset.query ?? ''))
      .catch(() => { mapSlot.textContent = 'Peta tidak dapat dimuat.'; });
  });
  mapSlot.replaceChildren(show);
}

if ('serviceWorker' in navigator) {
  addEventListener('load', () => { navigator.serviceWorker.register('/sw.js').catch(() => { /* offline shell is a bonus */ }); });
}

// The bench (bench/web-weight.ts) reads this mark as "the page is interactive and enhanced".
performance.mark('suara-warga:interactive');
