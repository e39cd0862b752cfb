// Every absolute link the server hands out (share links, tracking links in chat replies, and
// later feeds, messages, open data and Open311) is built here, from PUBLIC_URL only. Never from
// the request's Host header: a request with `Host: evil.example` would otherwise make the
// server hand a citizen a link to someone else's site.
import type { Config } from '../config.ts';

type LinkConfig = Pick<Config, 'publicUrl' | 'port'>;

/** PUBLIC_URL, or when unset `http://localhost:<PORT>` (startup warns that such links work on this machine only). */
export function linkBase(config: LinkConfig): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/** An absolute link to a path of this site (`path` starts with `/`). */
export function absoluteUrl(config: LinkConfig, path: string): string {
  return `${linkBase(config)}${path}`;
}

/** The reporter's own tracking page: only ever given to the reporter. */
export function trackingUrl(config: LinkConfig, code: string): string {
  return absoluteUrl(config, `/lacak/${code}`);
}

/** A report's public page: what may be shared with anyone. */
export function reportUrl(config: LinkConfig, publicId: string): string {
  return absoluteUrl(config, `/laporan/${publicId}`);
}

/** The warning logged at start when links would point at this machine only; null when PUBLIC_URL is set. */
export function publicUrlWarning(config: LinkConfig): string | null {
  return config.publicUrl ? null
    : `PUBLIC_URL belum diatur: tautan untuk warga memakai ${linkBase(config)} dan tidak akan bisa dibuka di luar mesin ini (PUBLIC_URL is unset; links will not work outside this machine).`;
}
