// The queue as data: the reports the desk shows, newest first, and which arrived live and
// have not been opened yet.
import type { DeskUser } from '../../shared/desk.ts';
import type { ReportSummary } from '../../shared/types.ts';
import { inScope, matches, type Filters } from './filters.ts';

export type Change = 'added' | 'updated' | 'removed' | 'none';

export class QueueState {
  private readonly items = new Map<string, ReportSummary>();
  readonly unread = new Set<string>();
  nextCursor: string | null = null;

  replace(items: ReportSummary[], nextCursor: string | null): void {
    this.items.clear();
    this.append(items, nextCursor);
  }

  append(items: ReportSummary[], nextCursor: string | null): void {
    for (const item of items) this.items.set(item.publicId, item);
    this.nextCursor = nextCursor;
  }

  /** Applies a report's new summary (from a live event) under the current filters. */
  apply(summary: ReportSummary, filters: Filters, user: DeskUser): Change {
    const had = this.items.has(summary.publicId);
    if (!inScope(user, summary)) this.unread.delete(summary.publicId);
    if (inScope(user, summary) && matches(filters, summary)) {
      this.items.set(summary.publicId, summary);
      return had ? 'updated' : 'added';
    }
    if (had) {
      this.items.delete(summary.publicId);
      return 'removed';
    }
    return 'none';
  }

  remove(code: string): void {
    this.items.delete(code);
    this.unread.delete(code);
  }

  has(code: string): boolean {
    return this.items.has(code);
  }

  list(): ReportSummary[] {
    return [...this.items.values()].sort((a, b) => (b.createdAt.localeCompare(a.createdAt)) || b.publicId.localeCompare(a.publicId));
  }
}
