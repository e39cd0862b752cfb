// The HTTP routes of the real application, read from its router stack (not a hand list), so a
// route added tomorrow is fuzzed tomorrow.
import type { Express } from 'express';

export interface RouteSpec { method: string; path: string }

interface LayerLike {
  name?: string;
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

function isLayerList(value: unknown): value is LayerLike[] {
  return Array.isArray(value);
}

const join = (prefix: string, path: string) => `${prefix.replace(/\/$/, '')}${path.startsWith('/') ? path : `/${path}`}` || '/';

export function routesOf(app: Express): RouteSpec[] {
  const found = new Map<string, RouteSpec>();
  const add = (method: string, path: string) => found.set(`${method} ${path}`, { method, path });
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? join(prefix, layer.rawPath) : prefix;
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        const methods = Object.keys(layer.route.methods).flatMap((m) => (m === '_all' ? ['get', 'post'] : [m]));
        for (const path of paths) if (typeof path === 'string') for (const method of methods) add(method.toUpperCase(), join(prefix, path));
      } else if (layer.handle && isLayerList(layer.handle.stack)) {
        walk(layer.handle.stack, mount);
      } else if (layer.name === 'serveStatic') {
        add('GET', join(mount, ':file'));
      }
    }
  };
  const stack: unknown = Reflect.get(app.router, 'stack');
  if (isLayerList(stack)) walk(stack, '');
  return [...found.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The names in a route path: `:code`, `*rest`, inside optional `{…}` groups too. */
export function paramsOf(path: string): string[] {
  return [...path.matchAll(/[:*](\w+)/g)].map((m) => m[1]);
}

/** The path with each parameter replaced by its raw (already escaped) value; optional groups kept. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/[{}]/g, '').replace(/[:*](\w+)/g, (_, name: string) => values[name] ?? 'x');
}
