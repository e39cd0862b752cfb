import type { Request } from 'express';

export type Lang = 'id' | 'en';
export const LANG_COOKIE = 'lang';

/** Bahasa Indonesia unless the citizen chose English with the switch (remembered in a cookie). */
export function langOf(req: Request): Lang {
  const cookie = req.get('cookie') ?? '';
  return /(?:^|;\s*)lang=en(?:;|$)/.test(cookie) ? 'en' : 'id';
}
