// Farmers pay for every byte, and no compression middleware is installed, so the citizen
// pages and the built assets are gzipped here: pages per response (a few KB, cheap), assets
// once each and kept in memory (they are immutable and few).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };
const COMPRESSIBLE = new Set(['.js', '.css', '.svg']);

export function sendHtml(req: Request, res: Response, body: string): void {
  res.type('html').vary('Accept-Encoding');
  if (req.acceptsEncodings('gzip') === 'gzip') res.set('Content-Encoding', 'gzip').send(gzipSync(body));
  else res.send(body);
}

/** Serves `dir` (hashed file names) with a year's immutable cache, gzipped when the browser accepts it. */
export function hashedAssets(dir: string): RequestHandler {
  const cache = new Map<string, { raw: Buffer; gz: Buffer | null }>();
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(req.path)).replace(/^[/\\]+/, '');
    } catch {
      return next(); // malformed %-escape: not one of our files
    }
    if (rel.includes('..') || !/^[\w.-]+$/.test(rel) || !TYPES[extname(rel)]) return next();
    let entry = cache.get(rel);
    if (!entry) {
      const raw = await readFile(join(dir, rel)).catch(() => null);
      if (!raw) return next();
      entry = { raw, gz: COMPRESSIBLE.has(extname(rel)) ? gzipSync(raw, { level: 9 }) : null };
      cache.set(rel, entry);
    }
    res.set({ 'Content-Type': TYPES[extname(rel)], 'Cache-Control': 'public, max-age=31536000, immutable', Vary: 'Accept-Encoding' });
    if (entry.gz && req.acceptsEncodings('gzip') === 'gzip') res.set('Content-Encoding', 'gzip').send(entry.gz);
    else res.send(entry.raw);
  };
}
