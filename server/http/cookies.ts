// The one way the app reads a cookie. Through the `cookie` package, whose decoder leaves a value
// with a malformed %-escape as it came instead of throwing: a Cookie header is attacker input,
// read in HTTP middleware and in Socket.IO handshakes alike, and must never raise.
import { parseCookie } from 'cookie';

/** The value of cookie `name` in a Cookie header, or null when absent or empty. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  return parseCookie(header)[name] || null;
}
