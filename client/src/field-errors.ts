// Errors appear next to their field (aria-describedby points at the slot), are summarised in a
// role=alert box, and focus moves to the first bad field. Nothing typed is touched.
function slotFor(form: HTMLFormElement, name: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`.err[data-for="${CSS.escape(name)}"]`);
}

function controlsNamed(form: HTMLFormElement, name: string): HTMLElement[] {
  return [...form.querySelectorAll<HTMLElement>(`[name="${CSS.escape(name)}"]:not([type=hidden])`)];
}

export function clearErrors(form: HTMLFormElement, alertBox: HTMLElement): void {
  for (const slot of form.querySelectorAll<HTMLElement>('.err')) slot.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  alertBox.hidden = true;
  alertBox.textContent = '';
}

/** `errors` maps input names (`details[kioskName]`) to messages in the page's language. */
export function showErrors(form: HTMLFormElement, alertBox: HTMLElement, summary: string, errors: Record<string, string>): void {
  clearErrors(form, alertBox);
  let first: HTMLElement | null = null;
  const unplaced: string[] = [];
  for (const [name, msg] of Object.entries(errors)) {
    const slot = slotFor(form, name);
    if (slot) slot.textContent = msg;
    else unplaced.push(msg);
    const els = controlsNamed(form, name);
    for (const el of els) el.setAttribute('aria-invalid', 'true');
    const fieldset = slot?.closest('fieldset.choices');
    fieldset?.setAttribute('aria-invalid', 'true');
    first ??= els[0] ?? null;
  }
  alertBox.textContent = [summary, ...unplaced].join(' ');
  alertBox.hidden = false;
  (first ?? alertBox).focus();
}
