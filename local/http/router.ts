/**
 * Route selection as API Gateway HTTP APIs do it: the route with the most literal segments wins
 * over one with `{param}`s; `{proxy+}` is greedy and ranks last. Method must match (or ANY).
 */
export interface RouteMatch<R> {
  readonly route: R;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string> | undefined;
}

type Segment = { literal: string } | { param: string; greedy: boolean };

interface Compiled<R> { readonly route: R; readonly method: string; readonly routeKey: string; readonly segments: Segment[]; readonly rank: number[] }

export type Router<R> = (method: string, path: string) => RouteMatch<R> | undefined;

export function compileRoutes<R extends { readonly method: string; readonly path: string }>(routes: readonly R[]): Router<R> {
  const compiled: Compiled<R>[] = routes.map((route) => {
    const segments: Segment[] = route.path.split('/').filter(Boolean).map((s) => {
      const m = /^\{([^}+]+)(\+)?\}$/.exec(s);
      return m ? { param: m[1]!, greedy: m[2] === '+' } : { literal: s };
    });
    // Literal segments first, position by position (API Gateway's "most specific" rule).
    const rank = segments.map((s) => ('literal' in s ? 0 : s.greedy ? 2 : 1));
    return { route, method: route.method, routeKey: `${route.method} ${route.path}`, segments, rank };
  });
  compiled.sort((a, b) => {
    for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
      const d = (a.rank[i] ?? -1) - (b.rank[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  });
  const byMethod = new Map<string, Compiled<R>[]>();
  for (const c of compiled) byMethod.set(c.method, [...(byMethod.get(c.method) ?? []), c]);

  return (method, path) => {
    const parts = path.split('/').filter(Boolean);
    for (const c of [...(byMethod.get(method) ?? []), ...(byMethod.get('ANY') ?? [])]) {
      const params = matchSegments(c.segments, parts);
      if (params) return { route: c.route, routeKey: c.routeKey, pathParameters: Object.keys(params).length ? params : undefined };
    }
    return undefined;
  };
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if ('literal' in s) {
      if (parts[i] !== s.literal) return undefined;
      continue;
    }
    if (s.greedy) {
      if (i >= parts.length) return undefined;
      params[s.param] = parts.slice(i).map(safeDecode).join('/');
      return params;
    }
    const p = parts[i];
    if (p === undefined || p === '') return undefined;
    params[s.param] = safeDecode(p);
  }
  return parts.length === segments.length ? params : undefined;
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
