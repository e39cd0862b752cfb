// The shape every benchmark returns and the one table they are printed in.

export interface Row {
  metric: string;
  value: string;
  /** What the number should be, as people say it ("≥ 0.6", "≤ 300 ms"); none for context rows. */
  goal?: string;
  pass?: boolean;
}

export interface SectionResult {
  rows: Row[];
  /** How it was measured, printed under the section's rows. */
  notes?: string[];
}

export interface Section {
  name: string;
  run: () => Promise<SectionResult>;
  /** Left out of a plain `npm run bench`; runs when its name is given. */
  onlyWhenNamed?: boolean;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

export function formatTable(sections: { name: string; result: SectionResult; seconds: number }[]): string {
  const all = sections.flatMap((s) => s.result.rows);
  const width = {
    metric: Math.max(6, ...all.map((r) => [...r.metric].length)),
    value: Math.max(5, ...all.map((r) => [...r.value].length)),
    goal: Math.max(4, ...all.map((r) => [...(r.goal ?? '')].length)),
  };
  const line = (metric: string, value: string, goal: string, verdict: string) =>
    `${pad(metric, width.metric)}  ${pad(value, width.value)}  ${pad(goal, width.goal)}  ${verdict}`.trimEnd();
  const rule = '─'.repeat(width.metric + width.value + width.goal + 12);
  const out = [line('metric', 'value', 'goal', 'result'), rule];
  for (const { name, result, seconds } of sections) {
    out.push(`${name} (${seconds.toFixed(1)} s)`);
    for (const r of result.rows) {
      out.push(line(r.metric, r.value, r.goal ?? '', r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL'));
    }
    for (const note of result.notes ?? []) out.push(`  · ${note}`);
    out.push(rule);
  }
  return out.join('\n');
}
