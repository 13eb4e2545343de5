// Just enough of a Bicep reader for structural tests: Bicep itself cannot be installed on this machine, so
// these tests check what can be checked from the text (declarations, references, literals), and
// `az bicep build` remains the real compiler check (docs/deployment.md).

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  secure: boolean;
  allowed?: string[];
  line: number;
}

export interface BicepFile {
  text: string;
  /** The text without comments and without @description(...) decorators. */
  code: string;
  params: BicepParam[];
  vars: string[];
  resources: Array<{ symbol: string; type: string; apiVersion: string }>;
  outputs: Array<{ name: string; type: string }>;
}

/** Drops `//` comments outside single-quoted strings and `/* *\/` blocks. */
function stripComments(text: string): string {
  const noBlocks = text.replace(/\/\*[\s\S]*?\*\//g, '');
  return noBlocks
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (ch === "'") inString = !inString;
        if (!inString && ch === '/' && line[i + 1] === '/') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

export function parseBicep(text: string): BicepFile {
  const code = stripComments(text).replace(/^\s*@description\((?:'[^']*'|[^)])*\)\s*$/gm, '');
  const lines = code.split('\n');
  const params: BicepParam[] = [];
  lines.forEach((line, index) => {
    const m = /^param\s+(\w+)\s+(\w+)(\s*=)?/.exec(line);
    if (!m) return;
    // Decorators sit on the lines right above the declaration.
    let start = index;
    while (start > 0 && !/^\s*$/.test(lines[start - 1]!) && !/^(param|var|resource|output)\b/.test(lines[start - 1]!) && !/^\s*}\s*$/.test(lines[start - 1]!)) {
      start--;
    }
    const decorators = lines.slice(start, index).join('\n');
    const allowedBlock = /@allowed\(\[([\s\S]*?)\]\)/.exec(decorators);
    params.push({
      name: m[1]!,
      type: m[2]!,
      hasDefault: Boolean(m[3]),
      secure: /@secure\(\)/.test(decorators),
      allowed: allowedBlock ? [...allowedBlock[1]!.matchAll(/'([^']*)'/g)].map((a) => a[1]!) : undefined,
      line: index,
    });
  });
  return {
    text,
    code,
    params,
    vars: [...code.matchAll(/^var\s+(\w+)\s*=/gm)].map((m) => m[1]!),
    resources: [...code.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'/gm)].map((m) => ({
      symbol: m[1]!,
      type: m[2]!,
      apiVersion: m[3]!,
    })),
    outputs: [...code.matchAll(/^output\s+(\w+)\s+(\w+)\s*=/gm)].map((m) => ({ name: m[1]!, type: m[2]! })),
  };
}

/** How often an identifier is referenced, not counting its own declaration line. */
export function references(file: BicepFile, name: string, declaration: RegExp): number {
  return file.code
    .split('\n')
    .filter((line) => !declaration.test(line))
    // A property key (`location: location`) is not a reference; only what follows the colon is.
    .map((line) => line.replace(/^\s*\w+\s*:/, ''))
    .reduce((n, line) => n + [...line.matchAll(new RegExp(`(?<![\\w.'-])${name}\\b`, 'g'))].length, 0);
}

/** The body of `resource <symbol> ... = {...}` (brace-balanced), for property checks. */
export function resourceBody(file: BicepFile, symbol: string): string {
  const start = file.code.search(new RegExp(`^resource\\s+${symbol}\\s`, 'm'));
  if (start < 0) throw new Error(`resource ${symbol} not declared`);
  const open = file.code.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < file.code.length; i++) {
    if (file.code[i] === '{') depth++;
    if (file.code[i] === '}' && --depth === 0) return file.code.slice(open, i + 1);
  }
  throw new Error(`resource ${symbol} has unbalanced braces`);
}
