// The citizen web's budgets as rows of the bench table (bench/web-weight.ts does the measuring).
import type { SectionResult } from './report.ts';
import { measureWebWeight } from './web-weight.ts';

export async function measureWebWeightSection(): Promise<SectionResult> {
  const r = await measureWebWeight();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return {
    rows: [
      ...r.pages.map((p) => ({ metric: `first load ${p.path} (gzip, HTML+CSS+JS)`, value: kb(p.bytes), goal: `≤ ${kb(r.budgetBytes)}`, pass: p.withinBudget })),
      { metric: `time to interactive ${r.tti.path}, 400 kbit/s, 400 ms RTT, CPU ×4`, value: `${r.tti.ms} ms`, goal: `≤ ${r.tti.goalMs} ms`, pass: r.tti.withinGoal },
    ],
    notes: ['Bytes as transferred (gzip and headers); Leaflet and photos excluded. TTI: median of three cold loads in Chromium.'],
  };
}
