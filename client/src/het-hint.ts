// Tells the farmer, as he types, how far the price paid is above the HET — the same
// checkPrice the server uses to flag the report.
import { checkPrice } from '../../shared/reference/fertiliser.ts';
import type { FertiliserType } from '../../shared/types.ts';
import { rupiah, t } from './i18n.ts';

export function initHetHint(form: HTMLFormElement, out: HTMLElement, today: string): void {
  const val = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ?? '';
  const update = () => {
    const type = form.querySelector<HTMLInputElement>('input[name="details[fertiliserType]"]:checked')?.value as FertiliserType | undefined;
    const price = Number(val('details[price]').replace(/\./g, ''));
    const quantity = Number(val('details[quantity]').replace(',', '.'));
    const check = type && price > 0 ? checkPrice({
      type, date: val('details[purchaseDate]') || today, quantity: quantity || 0,
      unit: val('details[unit]') === 'kg' ? 'kg' : 'bag', price,
      priceUnit: (val('details[priceUnit]') || 'total') as 'total' | 'bag' | 'kg',
    }) : null;
    if (!check) {
      out.textContent = '';
      out.classList.remove('over');
      return;
    }
    const params = { price: rupiah(check.pricePerKg), het: rupiah(check.hetPerKg ?? 0), over: rupiah(check.overHetPerKg) };
    out.textContent = t(check.hetPerKg === null ? 'hetNone' : check.overHetPerKg > 0 ? 'hetOver' : 'hetOk', params);
    out.classList.toggle('over', check.overHetPerKg > 0);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}
