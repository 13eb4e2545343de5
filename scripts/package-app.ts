// Builds the Teams app package (appPackage/build/appPackage.zip): fills the manifest template from the
// environment, checks it offline against the schema bundled in @microsoft/app-manifest, checks the icons and
// that every command in the command lists is one the bot understands, then zips manifest.json, the icons and
// the localization files at the root of the archive.
//
//   TEAMS_APP_ID=<guid> MicrosoftAppId=<guid> BOT_DOMAIN=<host> npm run package
//   npm run package -- --dev      (placeholder ids for local experiments, with a warning; never upload that)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ManifestUtil } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import yazl from 'yazl';
import { COMMANDS, parseCommand } from '../src/conversation/commands.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
export const DEFAULT_OUT_FILE = path.join(APP_PACKAGE_DIR, 'build', 'appPackage.zip');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** Variables without which a package for a real tenant makes no sense. */
export const REQUIRED_VARIABLES = ['TEAMS_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN'] as const;

/** Used only with --dev: obviously fake ids so that the package can be built and inspected locally. */
export const DEV_DEFAULTS: Record<(typeof REQUIRED_VARIABLES)[number], string> = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-00000000a990',
  MicrosoftAppId: '00000000-0000-4000-8000-00000000b070',
  BOT_DOMAIN: 'localhost',
};

export interface PackageValues {
  TEAMS_APP_ID: string;
  MicrosoftAppId: string;
  BOT_DOMAIN: string;
  APP_VERSION: string;
  DEVELOPER_NAME: string;
  DEVELOPER_WEBSITE_URL: string;
  PRIVACY_URL: string;
  TERMS_OF_USE_URL: string;
}

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

function readPackageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '1.0.0';
}

/**
 * Reads the template values from the environment. Missing required variables are an error (all of them
 * named in one message) unless `dev` is set, in which case DEV_DEFAULTS fill the gaps and a warning says so.
 */
export function resolvePackageValues(
  env: NodeJS.ProcessEnv,
  options: { dev?: boolean } = {},
): { values: PackageValues; warnings: string[] } {
  const warnings: string[] = [];
  const read = (name: string) => env[name]?.trim() || undefined;

  const missing = REQUIRED_VARIABLES.filter((name) => !read(name));
  if (missing.length > 0 && !options.dev) {
    throw new PackageError(
      `missing ${missing.join(', ')}: set ${missing.length === 1 ? 'it' : 'them'} in the environment ` +
        '(see docs/deployment.md), or run `npm run package -- --dev` for a local package with placeholder ids',
    );
  }
  for (const name of missing) {
    warnings.push(`${name} not set: using the development placeholder ${DEV_DEFAULTS[name]} (do not upload this package)`);
  }
  const required = (name: (typeof REQUIRED_VARIABLES)[number]) => read(name) ?? DEV_DEFAULTS[name];

  const teamsAppId = required('TEAMS_APP_ID');
  const botId = required('MicrosoftAppId');
  for (const [name, value] of [['TEAMS_APP_ID', teamsAppId], ['MicrosoftAppId', botId]] as const) {
    if (!GUID.test(value)) throw new PackageError(`${name} must be a GUID, got "${value}"`);
  }

  // Accept what people paste (https://host/ or host), keep the bare host name the manifest wants.
  const domain = required('BOT_DOMAIN').replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (!HOST.test(domain)) {
    throw new PackageError(`BOT_DOMAIN must be a host name such as app-peerlearning.azurewebsites.net, got "${domain}"`);
  }

  const version = read('APP_VERSION') ?? readPackageVersion();
  if (!SEMVER.test(version)) throw new PackageError(`APP_VERSION must look like 1.2.3, got "${version}"`);

  const site = read('DEVELOPER_WEBSITE_URL') ?? `https://${domain}`;
  const values: PackageValues = {
    TEAMS_APP_ID: teamsAppId,
    MicrosoftAppId: botId,
    BOT_DOMAIN: domain,
    APP_VERSION: version,
    DEVELOPER_NAME: read('DEVELOPER_NAME') ?? 'Peer-Learning',
    DEVELOPER_WEBSITE_URL: site,
    PRIVACY_URL: read('PRIVACY_URL') ?? site,
    TERMS_OF_USE_URL: read('TERMS_OF_USE_URL') ?? site,
  };
  if (!read('PRIVACY_URL')) {
    warnings.push('PRIVACY_URL not set: the app details in Teams link to the service host; set your privacy notice page');
  }
  for (const name of ['DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_OF_USE_URL'] as const) {
    if (!values[name].startsWith('https://')) throw new PackageError(`${name} must be an https:// URL, got "${values[name]}"`);
  }
  return { values, warnings };
}

/** Replaces every `${{NAME}}`; a placeholder without a value is an error, never left in the package. */
export function fillTemplate(template: string, values: PackageValues): string {
  const unknown = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = (values as unknown as Record<string, string | undefined>)[name];
    if (value === undefined) {
      unknown.add(name);
      return '';
    }
    // Values go into JSON strings: escape them as JSON would.
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) throw new PackageError(`the manifest template uses unknown placeholders: ${[...unknown].join(', ')}`);
  return filled;
}

const require = createRequire(import.meta.url);

function schemaPath(manifestVersion: string, file: string): string {
  const base = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(base, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
}

/**
 * ajv compiles patterns with the `u` flag, which rejects a `]` outside a character class; the bundled
 * localization schema has such patterns (`\\b]`). Escaping the bracket keeps the pattern's meaning.
 */
export function unicodeSafePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

function sanitizePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sanitizePatterns);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') out[key] = unicodeSafePattern(value);
    else if (key === 'patternProperties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([p, v]) => [unicodeSafePattern(p), sanitizePatterns(v)]));
    } else out[key] = sanitizePatterns(value);
  }
  return out;
}

/**
 * Loads a bundled schema. Some versions contain a `\\a` escape that JSON.parse rejects, and some patterns
 * that ajv's unicode mode rejects; both are repaired here without changing what the schema accepts.
 */
export function loadBundledSchema(manifestVersion: string, file = 'MicrosoftTeams.schema.json'): Record<string, unknown> {
  const file_ = schemaPath(manifestVersion, file);
  if (!fs.existsSync(file_)) throw new PackageError(`no bundled schema for manifest version ${manifestVersion} (${file})`);
  const text = fs.readFileSync(file_, 'utf8').replace(/(?<!\\)\\a/g, 'a');
  return sanitizePatterns(JSON.parse(text)) as Record<string, unknown>;
}

export interface TeamsManifestShape {
  manifestVersion: string;
  localizationInfo?: { additionalLanguages?: Array<{ languageTag: string; file: string }> };
  icons: { color: string; outline: string };
  bots?: Array<{ botId: string; commandLists?: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }>;
  [key: string]: unknown;
}

/** Offline schema validation: `[]` means valid. */
export async function validateAgainstBundledSchema(document: object, manifestVersion: string, file?: string): Promise<string[]> {
  const schema = loadBundledSchema(manifestVersion, file);
  try {
    // The library's generic signature wants its own manifest type; the check itself is plain JSON schema.
    return await ManifestUtil.validateManifestAgainstSchema(document as never, schema as never);
  } catch (error) {
    throw new PackageError(`the bundled schema v${manifestVersion}/${file ?? 'MicrosoftTeams.schema.json'} could not be compiled: ${(error as Error).message}`);
  }
}

/**
 * The command lists must name commands the bot handles, in both languages, and the personal list is for
 * participants: coordinator-only commands there would just answer "not allowed" to most people.
 */
export function checkCommandLists(manifest: TeamsManifestShape, localizations: Record<string, Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const coordinatorOnly = new Set(COMMANDS.filter((c) => c.coordinatorOnly).map((c) => c.name));
  const lists = manifest.bots?.[0]?.commandLists ?? [];
  lists.forEach((list, i) => {
    list.commands.forEach((command, j) => {
      const parsed = parseCommand(command.title);
      if (!parsed) {
        problems.push(`commandLists[${i}] "${command.title}" is not a command the bot understands`);
        return;
      }
      if (list.scopes.includes('personal') && coordinatorOnly.has(parsed.name)) {
        problems.push(`commandLists[${i}] "${command.title}" is coordinator-only and does not belong in the personal list`);
      }
      for (const [file, strings] of Object.entries(localizations)) {
        const key = `bots[0].commandLists[${i}].commands[${j}]`;
        const title = strings[`${key}.title`];
        if (typeof title !== 'string' || typeof strings[`${key}.description`] !== 'string') {
          problems.push(`${file}: ${key} has no title/description`);
          continue;
        }
        const localized = parseCommand(title);
        if (localized?.name !== parsed.name) {
          problems.push(`${file}: ${key}.title "${title}" is not the same command as "${command.title}" (${parsed.name})`);
        }
      }
    });
  });
  for (const [file, strings] of Object.entries(localizations)) {
    for (const key of Object.keys(strings)) {
      const m = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\./.exec(key);
      if (m && !lists[Number(m[1])]?.commands[Number(m[2])]) problems.push(`${file}: ${key} has no command in the manifest`);
    }
  }
  return problems;
}

/** Teams rejects icons of the wrong size; the outline icon may contain only white and transparency. */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const read = (name: string, data: Buffer): PNG | undefined => {
    try {
      return PNG.sync.read(data);
    } catch (error) {
      problems.push(`${name} is not a readable PNG: ${(error as Error).message}`);
      return undefined;
    }
  };
  const c = read('color.png', color);
  if (c && (c.width !== 192 || c.height !== 192)) problems.push(`color.png must be 192x192, is ${c.width}x${c.height}`);
  const o = read('outline.png', outline);
  if (o) {
    if (o.width !== 32 || o.height !== 32) problems.push(`outline.png must be 32x32, is ${o.width}x${o.height}`);
    let transparent = 0;
    for (let i = 0; i < o.data.length; i += 4) {
      const alpha = o.data[i + 3]!;
      if (alpha === 0) {
        transparent++;
      } else if (o.data[i] !== 255 || o.data[i + 1] !== 255 || o.data[i + 2] !== 255) {
        problems.push('outline.png may contain only white and transparent pixels');
        break;
      }
    }
    if (transparent === 0) problems.push('outline.png needs a transparent background');
  }
  return problems;
}

export interface BuildOptions {
  env: NodeJS.ProcessEnv;
  outFile?: string;
  appPackageDir?: string;
  dev?: boolean;
}

export interface BuildResult {
  outFile: string;
  manifest: TeamsManifestShape;
  files: string[];
  warnings: string[];
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new PackageError(`${path.relative(ROOT, file)}: ${(error as Error).message}`);
  }
}

export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const dir = options.appPackageDir ?? APP_PACKAGE_DIR;
  const outFile = options.outFile ?? DEFAULT_OUT_FILE;
  const { values, warnings } = resolvePackageValues(options.env, { dev: options.dev });

  const templateFile = path.join(dir, 'manifest.json');
  const text = fillTemplate(fs.readFileSync(templateFile, 'utf8'), values);
  let manifest: TeamsManifestShape;
  try {
    manifest = JSON.parse(text) as TeamsManifestShape;
  } catch (error) {
    throw new PackageError(`appPackage/manifest.json is not valid JSON after filling: ${(error as Error).message}`);
  }

  const problems: string[] = [];
  const manifestErrors = await validateAgainstBundledSchema(manifest, manifest.manifestVersion);
  problems.push(...manifestErrors.map((e) => `manifest.json${e.startsWith('/') ? '' : ' '}${e}`));

  const localizationFiles = (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file);
  const localizations: Record<string, Record<string, unknown>> = {};
  for (const file of localizationFiles) {
    const strings = readJson(path.join(dir, file));
    localizations[file] = strings;
    const errors = await validateAgainstBundledSchema(strings, manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json');
    problems.push(...errors.map((e) => `${file} ${e}`));
  }
  problems.push(...checkCommandLists(manifest, localizations));

  const color = fs.readFileSync(path.join(dir, manifest.icons.color));
  const outline = fs.readFileSync(path.join(dir, manifest.icons.outline));
  problems.push(...checkIcons(color, outline));

  if (problems.length > 0) throw new PackageError(`the app package is not valid:\n  ${problems.join('\n  ')}`);

  // A fixed timestamp keeps the archive identical for identical input.
  const mtime = new Date('2025-01-01T00:00:00Z');
  const zip = new yazl.ZipFile();
  const entries: Array<[string, Buffer]> = [
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
    [manifest.icons.color, color],
    [manifest.icons.outline, outline],
    ...localizationFiles.map((f): [string, Buffer] => [f, fs.readFileSync(path.join(dir, f))]),
  ];
  for (const [name, data] of entries) zip.addBuffer(data, name, { mtime, mode: 0o100644 });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(outFile);
    out.on('close', resolve);
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
    zip.end();
  });
  return { outFile, manifest, files: entries.map(([name]) => name), warnings };
}

async function main(argv: string[]): Promise<void> {
  const dev = argv.includes('--dev');
  const outIndex = argv.indexOf('--out');
  const outFile = outIndex >= 0 && argv[outIndex + 1] ? path.resolve(argv[outIndex + 1]!) : undefined;
  // Same convenience as the service: a local .env fills what the shell did not set.
  const dotEnv = path.join(ROOT, '.env');
  if (fs.existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  try {
    const result = await buildAppPackage({ env: process.env, outFile, dev });
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    console.log(`wrote ${path.relative(process.cwd(), result.outFile)} (${result.files.join(', ')}), manifest ${result.manifest.manifestVersion} valid`);
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(`npm run package: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
