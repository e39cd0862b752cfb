// Codes of reports sent from this phone, so a citizen who lost the receipt (a navigation that
// failed on a dropping signal, a closed tab) still finds the code on the home page.
import { t } from './i18n.ts';

const KEY = 'my-reports';
const KEEP = 20;

export interface SentReport { code: string; category: string; at: string }

export function listSent(): SentReport[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as SentReport[];
  } catch {
    return [];
  }
}

export function rememberSent(report: SentReport): void {
  try {
    const rest = listSent().filter((r) => r.code !== report.code);
    localStorage.setItem(KEY, JSON.stringify([report, ...rest].slice(0, KEEP)));
  } catch { /* storage blocked: the receipt page still shows the code */ }
}

export function showSent(list: HTMLElement | null): void {
  const sent = listSent();
  if (!list || sent.length === 0) return;
  const heading = document.createElement('h2');
  heading.textContent = t('mySent');
  const ul = document.createElement('ul');
  for (const r of sent) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `/lacak/${r.code}`;
    a.className = 'code-link';
    a.textContent = r.code;
    li.append(a);
    ul.append(li);
  }
  list.replaceChildren(heading, ul);
  list.hidden = false;
}
