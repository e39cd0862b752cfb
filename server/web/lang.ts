import type { Request } from 'express';
import { readCookie } from '../http/cookies.ts';

export type Lang = 'id' | 'en';
export const LANG_COOKIE = 'lang';

/** Bahasa Indonesia unless the citizen chose English with the switch (remembered in a cookie). */
export function langOf(req: Request): Lang {
  return readCookie(req.get('cookie'), LANG_COOKIE) === 'en' ? 'en' : 'id';
}
