// On pages other than the form, the outbox still drains, and the citizen is told what happened.
import { clearDraft } from './draft.ts';
import { t } from './i18n.ts';
import { rememberSent, showSent } from './my-reports.ts';
import { startOutbox } from './sender.ts';

export function initPendingNotice(box: HTMLElement | null): void {
  const say = (text: string, href?: string) => {
    if (!box) return;
    box.hidden = false;
    box.replaceChildren();
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      box.append(a);
    } else box.textContent = text;
  };
  startOutbox({
    onProgress() {},
    onSent(entry, receipt) {
      clearDraft(entry.category, entry.clientId);
      rememberSent({ code: receipt.code, category: entry.category, at: new Date().toISOString() });
      showSent(document.getElementById('my-reports'));
      say(t('sentBackground', { code: receipt.code }), `/terkirim/${receipt.code}`);
    },
    onRejected(entry) { say(t('fixAndResend'), `/lapor/${entry.category}`); },
    onWaiting(pending) { say(t('pendingCount', { n: pending.length })); },
  });
}
