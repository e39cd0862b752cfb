import { t } from './i18n.ts';

export function initReceipt(): void {
  const button = document.getElementById('copy-btn');
  const status = document.getElementById('copy-status');
  if (!button || !status || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(button.dataset.code ?? '');
    status.textContent = t('copied');
  });
}
