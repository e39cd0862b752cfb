/** Puts each `{name}` parameter into a text table's template (a missing one becomes empty). */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
