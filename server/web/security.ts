// A strict Content-Security-Policy for the citizen pages: even if an escaping bug slipped
// through, injected markup could not run script. Map tiles are the one outside origin.

/** `https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org` */
export function tileSource(tileUrl: string): string {
  const match = /^(https?:\/\/[^/]+)/.exec(tileUrl);
  return match ? match[1].replace(/\{s\}/g, '*') : '';
}

export function contentSecurityPolicy(tileUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Leaflet positions tiles with inline styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${tileSource(tileUrl)}`.trim(),
    "connect-src 'self'",
    "worker-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
