// The Atom feed (RFC 4287) of one public filter: the newest reports, for a kecamatan office or
// a journalist. Links are absolute; the text is in only once public (./rules.ts).
import type { PublicListItem } from '../../shared/public.ts';
import { escapeHtml } from '../web/html.ts';
import { reportLink } from './list-page.ts';

export interface FeedInput {
  base: string;
  /** The list page this feed mirrors, and the feed's own URL (both absolute). */
  pageUrl: string;
  selfUrl: string;
  title: string;
  items: (PublicListItem & { description: string | null })[];
  updated: string;
}

const x = escapeHtml;

export function renderAtom(f: FeedInput): string {
  const entries = f.items.map((r) => {
    const url = `${f.base}${reportLink(r.publicId)}`;
    const summary = `${r.status.label} · ${r.agency.name} · ${r.desa.name}, Kec. ${r.kecamatan.name}${r.supportCount ? ` · ${r.supportCount} dukungan` : ''}`;
    return `<entry>
<id>${x(url)}</id>
<title>${x(`${r.category.label} di ${r.desa.name}, Kec. ${r.kecamatan.name}`)}</title>
<link rel="alternate" type="text/html" href="${x(url)}"/>
<published>${x(r.createdAt)}</published>
<updated>${x(r.updatedAt)}</updated>
<category term="${x(r.category.id)}" label="${x(r.category.label)}"/>
<summary>${x(summary)}</summary>
${r.description !== null ? `<content type="text">${x(r.description)}</content>\n` : ''}</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
<id>${x(f.selfUrl)}</id>
<title>${x(f.title)}</title>
<link rel="self" type="application/atom+xml" href="${x(f.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${x(f.pageUrl)}"/>
<updated>${x(f.updated)}</updated>
<author><name>Suara Warga Kabupaten Blora</name></author>
${entries.join('\n')}
</feed>
`;
}
