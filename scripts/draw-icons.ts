// Draws the Teams app icons (appPackage/color.png 192x192, appPackage/outline.png 32x32) from geometry,
// so that they can be reproduced and changed without an image editor: `npm run icons`.
// The motif is three peers joined in a triangle. Rendering is plain supersampled coverage, no randomness
// and no timestamps, so the same code always writes byte-identical files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

type Rgba = readonly [number, number, number, number];

/** Accent colour of the app (also `accentColor` in appPackage/manifest.json). */
export const ACCENT: Rgba = [0x0f, 0x6e, 0x8c, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [0xf2, 0xb1, 0x34, 255];

interface Point {
  x: number;
  y: number;
}

/** The motif in unit coordinates (0..1 inside its box): three nodes and the edges between them. */
const NODES: readonly Point[] = [
  { x: 0.5, y: 0.2 },
  { x: 0.17, y: 0.78 },
  { x: 0.83, y: 0.78 },
];
const EDGES: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [0, 2],
  [1, 2],
];

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** A shader returns the colour at a point of the unit square (premultiplication happens in render). */
type Shader = (p: Point) => Rgba | undefined;

/** Renders a shader with `samples`² subsamples per pixel; uncovered subsamples stay transparent. */
function render(size: number, shader: Shader, samples = 4): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shader({ x: (x + (sx + 0.5) / samples) / size, y: (y + (sy + 0.5) / samples) / size });
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const i = (y * size + x) * 4;
      const n = samples * samples;
      png.data[i] = a > 0 ? Math.round(r / a) : 0;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / n) * 255);
    }
  }
  return png;
}

/** Maps the unit square of the icon to the unit box of the motif (`inset` is the padding on each side). */
function toMotif(p: Point, inset: number): Point {
  return { x: (p.x - inset) / (1 - 2 * inset), y: (p.y - inset) / (1 - 2 * inset) };
}

/** Full-colour icon: white network on the accent colour, the top peer in amber. */
export function drawColorIcon(size = 192): PNG {
  const radius = 0.15;
  const edge = 0.055;
  return render(size, (p) => {
    // Teams rounds the corners itself; a full square background keeps the edge crisp everywhere.
    const m = toMotif(p, 0.19);
    for (const [i, node] of NODES.entries()) {
      if (Math.hypot(m.x - node.x, m.y - node.y) <= radius) return i === 0 ? AMBER : WHITE;
    }
    for (const [a, b] of EDGES) {
      if (distanceToSegment(m, NODES[a]!, NODES[b]!) <= edge / 2) return WHITE;
    }
    return ACCENT;
  });
}

/** Outline icon: white rings and lines on a transparent background, as Teams requires. */
export function drawOutlineIcon(size = 32): PNG {
  const radius = 0.17;
  const stroke = 0.085;
  return render(size, (p) => {
    const m = toMotif(p, 0.04);
    for (const node of NODES) {
      const d = Math.hypot(m.x - node.x, m.y - node.y);
      if (d <= radius && d >= radius - stroke) return WHITE;
      if (d < radius) return undefined;
    }
    for (const [a, b] of EDGES) {
      if (distanceToSegment(m, NODES[a]!, NODES[b]!) <= stroke / 2) return WHITE;
    }
    return undefined;
  }, 8);
}

export function writeIcons(dir: string): { color: string; outline: string } {
  fs.mkdirSync(dir, { recursive: true });
  const color = path.join(dir, 'color.png');
  const outline = path.join(dir, 'outline.png');
  fs.writeFileSync(color, PNG.sync.write(drawColorIcon(), { colorType: 6 }));
  fs.writeFileSync(outline, PNG.sync.write(drawOutlineIcon(), { colorType: 6 }));
  return { color, outline };
}

export const APP_PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const written = writeIcons(APP_PACKAGE_DIR);
  console.log(`wrote ${path.relative(process.cwd(), written.color)} and ${path.relative(process.cwd(), written.outline)}`);
}
