// "Sudah ada laporan serupa — dukung saja?": while the citizen fills the form, list up to three
// open public reports of the same category in the same desa (or near the pinned point).
// Words are server-rendered in #nearby; data goes in through textContent only. Any failure
// (offline, server error) just hides the panel: it never stands in the way of sending.

interface NearbyItem { publicId: string; desa: { name: string }; excerpt: string; supportCount: number }

const SHOWN = 3;
const DELAY_MS = 400;

export function initNearby(form: HTMLFormElement, panel: HTMLElement, category: string): void {
  const list = panel.querySelector('ul')!;
  const countText = panel.dataset.count ?? '{n}';
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const show = (items: NearbyItem[]) => {
    list.replaceChildren(...items.slice(0, SHOWN).map((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/laporan/${encodeURIComponent(r.publicId)}`;
      a.textContent = r.excerpt;
      const meta = document.createElement('small');
      meta.textContent = ` — ${r.desa.name} · ${countText.replace('{n}', String(r.supportCount))}`;
      li.append(a, meta);
      return li;
    }));
    panel.hidden = items.length === 0;
  };

  const look = async () => {
    const desa = field('desa');
    const lat = field('lat');
    const lng = field('lng');
    const query = new URLSearchParams({ category });
    if (desa) query.set('desa', desa);
    if (lat && lng) { query.set('lat', lat); query.set('lng', lng); }
    const key = query.toString();
    if (key === last) return;
    last = key;
    const mine = ++asked;
    if (!desa && !(lat && lng)) { show([]); return; }
    try {
      const res = await fetch(`/api/reports/nearby?${key}`, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { items?: NearbyItem[] };
      if (mine === asked) show(Array.isArray(body.items) ? body.items : []);
    } catch {
      if (mine === asked) { last = ''; show([]); }
    }
  };

  const later = () => { clearTimeout(timer); timer = setTimeout(() => void look(), DELAY_MS); };
  form.addEventListener('change', later);
  form.addEventListener('input', (e) => { if ((e.target as HTMLInputElement).name === 'lat') later(); });
  later();
}
