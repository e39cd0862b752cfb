// A draft is saved as the citizen types, so a reload, a dead battery or a closed tab loses
// nothing. Photos are not in the draft (localStorage holds text only); they go to the outbox on send.
import type { Pairs } from './form-fields.ts';

export interface Draft { clientId: string; pairs: Pairs; savedAt: string }

const key = (category: string) => `draft:${category}`;

export function loadDraft(category: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(category));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(category: string, draft: Draft): void {
  try {
    localStorage.setItem(key(category), JSON.stringify(draft));
  } catch {
    // Storage full or blocked (private mode): the form still works, only the draft is lost.
  }
}

/** Clears the draft once its report is sent — not a newer draft the citizen has started since. */
export function clearDraft(category: string, clientId: string): void {
  try {
    if (loadDraft(category)?.clientId === clientId) localStorage.removeItem(key(category));
  } catch { /* see saveDraft */ }
}

/** A new report gets a new id; retries of the same report reuse it, so the server creates it once. */
export function newClientId(fallback: string): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : fallback;
}
