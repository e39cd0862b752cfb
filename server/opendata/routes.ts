// Open data (Blora Satu Data), HTTP only: the catalogue page /data, its DCAT-US data.json, each
// dataset's data dictionary, and the downloads, streamed page by page (./reports.ts, ./counts.ts,
// ./performance.ts). Everything here is public and may be read from any origin.
import { Router, type Response } from 'express';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { citizenLimits } from '../http/citizen-limits.ts';
import { CSV_CONTENT_TYPE } from '../http/csv.ts';
import { streamOut } from '../http/stream.ts';
import { DIST_DIR, loadClientAssets } from '../web/assets.ts';
import { renderPage } from '../web/layout.ts';
import { dataJson } from './catalog.ts';
import { monthlyCountsCsv } from './counts.ts';
import { DATASETS, tableSchemaOf } from './dictionary.ts';
import { catalogueBody } from './page.ts';
import { agencyPerformanceCsv } from './performance.ts';
import { publicReportsCsv, publicReportsGeoJson } from './reports.ts';

/** Downloads may sit in shared caches this long (the public pages use 60 s too). */
const OPEN_DATA_MAX_AGE_S = 60;

function openHeaders(res: Response, contentType: string, filename?: string): void {
  res.set({
    'Content-Type': contentType,
    'Cache-Control': `public, max-age=${OPEN_DATA_MAX_AGE_S}`,
    'Access-Control-Allow-Origin': '*',
    ...(filename ? { 'Content-Disposition': `attachment; filename="${filename}"` } : {}),
  });
}

export function openDataRoutes(deps: Deps, options: { distDir?: string } = {}): Router {
  const router = Router();
  const assets = loadClientAssets(options.distDir ?? DIST_DIR);
  // A download reads the whole store: counted like a tracking look-up, per client address.
  const { lookup } = citizenLimits(deps);

  router.get('/data', (req, res) => {
    res.set('Cache-Control', `public, max-age=${OPEN_DATA_MAX_AGE_S}`).type('html')
      .send(renderPage({ lang: 'id', title: 'Data terbuka', page: 'data', path: req.originalUrl, assets, body: catalogueBody(deps.catalog.region.name) }));
  });

  router.get('/data/data.json', async (_req, res) => {
    openHeaders(res, 'application/json; charset=utf-8');
    res.json(await dataJson(deps));
  });

  router.get('/data/kamus/:file', (req, res) => {
    const spec = DATASETS.find((d) => `${d.id}.json` === req.params.file);
    if (!spec) throw new AppError('not_found', { status: 404 });
    openHeaders(res, 'application/json; charset=utf-8');
    res.json(tableSchemaOf(spec));
  });

  router.get('/data/laporan.csv', lookup, async (req, res) => {
    openHeaders(res, CSV_CONTENT_TYPE, 'suara-warga-laporan.csv');
    await streamOut(req, res, publicReportsCsv(deps));
  });

  router.get('/data/laporan.geojson', lookup, async (req, res) => {
    openHeaders(res, 'application/geo+json; charset=utf-8', 'suara-warga-laporan.geojson');
    await streamOut(req, res, publicReportsGeoJson(deps));
  });

  router.get('/data/jumlah-bulanan.csv', lookup, async (req, res) => {
    openHeaders(res, CSV_CONTENT_TYPE, 'suara-warga-jumlah-bulanan.csv');
    await streamOut(req, res, monthlyCountsCsv(deps));
  });

  router.get('/data/kinerja-dinas.csv', lookup, async (req, res) => {
    openHeaders(res, CSV_CONTENT_TYPE, 'suara-warga-kinerja-dinas.csv');
    await streamOut(req, res, agencyPerformanceCsv(deps));
  });

  return router;
}
