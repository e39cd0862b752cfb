// The desk builds its DOM with this one helper: text always goes in as text nodes, attributes
// through setAttribute, so nothing a citizen typed can ever become markup.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A definition list of label → value; pairs without a value are left out. */
export function facts(pairs: [string, Child | Child[]][], attrs: Attrs = {}): HTMLDListElement {
  const dl = h('dl', { class: 'desk-facts', ...attrs });
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === false || value === '') continue;
    const dd = h('dd', {});
    append(dd, ...(Array.isArray(value) ? value : [value]));
    append(dl, h('dt', {}, label), dd);
  }
  return dl;
}
