// `npm run bench -- <name> [options]`: runs one benchmark and prints its result as JSON on stdout.
// Benchmarks measure; they are never part of `npm test`. Each module's default export is `run(args)`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';

const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === '--help' || !available.includes(name)) {
    process.stderr.write(`Usage: npm run bench -- <${available.join('|')}> [options]\n`);
    return name && name !== '--help' ? 2 : 0;
  }
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { default: (args: string[]) => Promise<unknown> };
  const result = await mod.default(args);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`bench failed: ${error.message}\n`);
    process.exit(1);
  },
);
