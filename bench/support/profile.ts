// Reads a V8 .cpuprofile (written by `node --cpu-prof`) and lists the functions with the most self time,
// and the share of time per package (node_modules/<pkg>, src/<folder>, node internals).
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function where(url: string): string {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return url;
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = clean.indexOf('/src/');
  if (src >= 0) return `src/${clean.slice(src + 5).split('/')[0]}`;
  return path.basename(clean);
}

export function summarizeProfile(file: string, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fnTime = new Map<string, number>();
  const pkgTime = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = where(url);
    const name = `${functionName || '(anonymous)'} ${url ? `${pkg}${url.includes('node_modules') || url.startsWith('node:') ? `:${path.basename(url)}` : `/${path.basename(url)}`}:${lineNumber + 1}` : ''}`.trim();
    fnTime.set(name, (fnTime.get(name) ?? 0) + us);
    pkgTime.set(pkg, (pkgTime.get(pkg) ?? 0) + us);
  }
  const pct = (us: number) => Math.round((us / total) * 1000) / 10;
  return {
    sampled_ms: Math.round(total / 1000),
    top_self: [...fnTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, us]) => ({ fn, self_pct: pct(us) })),
    by_package: [...pkgTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([pkg, us]) => ({ pkg, self_pct: pct(us) })),
  };
}
