// /data: the open-data catalogue as a page (Bahasa Indonesia first, plain HTML, no script
// needed): each dataset, its downloads, its licence, and its data dictionary as a table, all
// read from ./dictionary.ts, the same table the files and data.json come from.
import { html, type SafeHtml } from '../web/html.ts';
import { dictionaryPath, downloadPath, LICENSE_NAME, LICENSE_URL } from './catalog.ts';
import { DATASETS, type Column, type DatasetSpec } from './dictionary.ts';

const TYPE_LABEL: Record<Column['type'], string> = {
  string: 'teks', integer: 'bilangan bulat', number: 'angka', datetime: 'waktu (ISO 8601)', yearmonth: 'bulan (YYYY-MM)',
};

function datasetSection(d: DatasetSpec): SafeHtml {
  return html`<section class="dataset" id="${d.id}" aria-labelledby="judul-${d.id}">
<h2 id="judul-${d.id}">${d.title}</h2>
<p lang="en" class="muted">${d.titleEn}</p>
<p>${d.description}</p>
<p>Unduh / Download: ${d.formats.map((f, i) => html`${i ? ' · ' : ''}<a href="${downloadPath(d.id, f)}" download>${f.toUpperCase()}</a>`)} · <a href="${dictionaryPath(d.id)}">kamus data (JSON)</a></p>
<div class="scroll" tabindex="0" role="region" aria-label="Kamus data ${d.title}">
<table class="stats">
<caption>Kamus data: setiap kolom / Data dictionary: every column</caption>
<thead><tr><th scope="col">Kolom</th><th scope="col">Arti</th><th scope="col">Jenis</th><th scope="col">Satuan</th></tr></thead>
<tbody>${d.columns.map((c) => html`<tr><th scope="row"><code>${c.name}</code></th><td>${c.definition}<br><span lang="en" class="muted">${c.definitionEn}</span></td><td>${TYPE_LABEL[c.type]}</td><td>${c.unit ?? '–'}</td></tr>`)}</tbody>
</table></div>
</section>`;
}

export function catalogueBody(regionName: string): SafeHtml {
  return html`<h1>Data terbuka Suara Warga</h1>
<p class="intro">Data pengaduan warga ${regionName} untuk siapa saja: peneliti, wartawan, desa, dan portal Satu Data. Tidak ada nama, nomor HP atau kode lacak pelapor; laporan rahasia hanya ikut dihitung. <span lang="en">Open data of the citizen complaint hotline: no names, phone numbers or tracking codes; confidential reports are only counted.</span></p>
<p>Lisensi / Licence: <a href="${LICENSE_URL}" rel="license">${LICENSE_NAME}</a> — boleh dipakai dan dibagikan ulang dengan menyebut sumbernya. Katalog mesin (DCAT-US 1.1, untuk CKAN): <a href="/data/data.json">data.json</a>. API: <a href="/api/openapi.json">OpenAPI</a>.</p>
${DATASETS.map(datasetSection)}`;
}
