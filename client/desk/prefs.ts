// The officer's switches, remembered in this browser.
export interface Prefs { sound: boolean; titleCount: boolean }

const KEY = 'desk:prefs';
const DEFAULTS: Prefs = { sound: true, titleCount: true };

export function loadPrefs(): Prefs {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Prefs>;
    return { sound: stored.sound ?? DEFAULTS.sound, titleCount: stored.titleCount ?? DEFAULTS.titleCount };
  } catch {
    return { ...DEFAULTS };
  }
}

export function savePrefs(prefs: Prefs): void {
  try { localStorage.setItem(KEY, JSON.stringify(prefs)); } catch { /* private mode: only this visit */ }
}
