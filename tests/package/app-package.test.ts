// The Teams app package as Teams receives it: built by `npm run package`'s code into a temp dir, unzipped,
// validated offline against the bundled schema, icons inspected, and every listed command parsed by the bot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestUtil } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { COMMANDS, parseCommand } from '../../src/conversation/commands.js';
import {
  APP_PACKAGE_DIR,
  PackageError,
  buildAppPackage,
  loadBundledSchema,
  unicodeSafePattern,
} from '../../scripts/package-app.js';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/draw-icons.js';
import { readZip, type ZipEntry } from './zip-reader.js';

const ENV = {
  TEAMS_APP_ID: '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b',
  MicrosoftAppId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'app-peerlearning.azurewebsites.net',
  PRIVACY_URL: 'https://www.example.org/datenschutz',
};

let tmp: string;
let entries: ZipEntry[];
// Parsed JSON walked freely below; its shape is what the schema test checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let manifest: any;

function entry(name: string): Buffer {
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`${name} missing from the package`);
  return found.data;
}

/** A copy of appPackage/ whose template a test may break. */
function copyAppPackage(edit: (template: string) => string): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'app-'));
  for (const file of ['manifest.json', 'en.json', 'color.png', 'outline.png']) {
    fs.copyFileSync(path.join(APP_PACKAGE_DIR, file), path.join(dir, file));
  }
  const template = path.join(dir, 'manifest.json');
  fs.writeFileSync(template, edit(fs.readFileSync(template, 'utf8')));
  return dir;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  const result = await buildAppPackage({ env: ENV, outFile: path.join(tmp, 'appPackage.zip') });
  expect(result.warnings).toEqual([]);
  entries = readZip(fs.readFileSync(result.outFile));
  manifest = JSON.parse(entry('manifest.json').toString('utf8'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('app package archive', () => {
  it('holds manifest, icons and the English strings at its root', () => {
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });

  it('is byte-identical when built twice from the same input', async () => {
    const again = await buildAppPackage({ env: ENV, outFile: path.join(tmp, 'again.zip') });
    expect(fs.readFileSync(again.outFile).equals(fs.readFileSync(path.join(tmp, 'appPackage.zip')))).toBe(true);
  });
});

describe('manifest', () => {
  it('validates offline against its bundled schema, version 1.24 or later', async () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(24);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    const schema = loadBundledSchema(manifest.manifestVersion);
    expect(await ManifestUtil.validateManifestAgainstSchema(manifest as never, schema as never)).toEqual([]);
  });

  it('carries the ids and domain from the environment, with no placeholder left', () => {
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(ENV.MicrosoftAppId);
    expect(manifest.webApplicationInfo).toEqual({ id: ENV.MicrosoftAppId, resource: 'https://RscPermission' });
    expect(manifest.validDomains).toEqual([ENV.BOT_DOMAIN]);
    expect(manifest.developer.privacyUrl).toBe(ENV.PRIVACY_URL);
    expect(manifest.version).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
  });

  it('offers the bot in personal chat, teams and group (meeting) chats with the meeting RSC permissions', () => {
    expect([...manifest.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    // Meeting start/end (chat and channel meetings) and participant join/leave, all as the application.
    expect(manifest.authorization.permissions.resourceSpecific).toEqual(
      expect.arrayContaining([
        { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
        { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
        { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
      ]),
    );
  });

  it('is German by default with an English localization that validates', async () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('de-de');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    const en = JSON.parse(entry('en.json').toString('utf8'));
    const schema = loadBundledSchema(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json');
    expect(await ManifestUtil.validateManifestAgainstSchema(en as never, schema as never)).toEqual([]);
    expect(en['name.short']).toBeTruthy();
    expect(en['description.full']).not.toBe(manifest.description.full);
  });
});

describe('command lists', () => {
  const lists = () => manifest.bots[0].commandLists as Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
  const en = () => JSON.parse(entry('en.json').toString('utf8')) as Record<string, string>;

  it('has a list for personal and one for team scope, at most 10 commands each', () => {
    const scopes = lists().flatMap((l) => l.scopes);
    expect(scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    for (const list of lists()) expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  it('lists only commands the bot handles, in German and in English', () => {
    lists().forEach((list, i) =>
      list.commands.forEach((command, j) => {
        const de = parseCommand(command.title);
        expect(de, `"${command.title}"`).toBeDefined();
        const title = en()[`bots[0].commandLists[${i}].commands[${j}].title`];
        expect(title, `English title for "${command.title}"`).toBeDefined();
        expect(parseCommand(title!)?.name, `"${title}"`).toBe(de!.name);
      }),
    );
  });

  it('offers every participant command in personal chat and no coordinator command there', () => {
    const personal = lists().find((l) => l.scopes.includes('personal'))!;
    const names = personal.commands.map((c) => parseCommand(c.title)!.name);
    // The menu holds at most 10: turning the catch-up back on is named in the answer to turning it off.
    const participant = COMMANDS.filter((c) => !c.coordinatorOnly && c.name !== 'catchUp').map((c) => c.name);
    expect([...names].sort()).toEqual([...participant].sort());
  });
});

describe('icons', () => {
  it('color.png is a 192x192 PNG with an opaque background', () => {
    const png = PNG.sync.read(entry('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(png.data[3]).toBe(255);
  });

  it('outline.png is a 32x32 PNG of white on transparent', () => {
    const png = PNG.sync.read(entry('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.data[3]).toBe(0); // corner
    let opaque = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] === 0) continue;
      opaque++;
      expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
  });

  it('the committed icons are what scripts/draw-icons.ts draws', () => {
    expect(PNG.sync.write(drawColorIcon(), { colorType: 6 }).equals(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')))).toBe(true);
    expect(PNG.sync.write(drawOutlineIcon(), { colorType: 6 }).equals(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')))).toBe(true);
  });
});

describe('packaging refuses what Teams would refuse', () => {
  it('names every missing variable', async () => {
    await expect(buildAppPackage({ env: {}, outFile: path.join(tmp, 'x.zip') })).rejects.toThrow(
      /missing TEAMS_APP_ID, MicrosoftAppId, BOT_DOMAIN/,
    );
    expect(fs.existsSync(path.join(tmp, 'x.zip'))).toBe(false);
  });

  it('builds with placeholder ids and warnings only when asked to (--dev)', async () => {
    const result = await buildAppPackage({ env: {}, outFile: path.join(tmp, 'dev.zip'), dev: true });
    expect(result.warnings.join('\n')).toMatch(/TEAMS_APP_ID not set.*do not upload/);
    expect(result.manifest.bots?.[0]?.botId).toMatch(/^00000000-/);
  });

  it('rejects a bot id that is not a GUID and normalises a pasted https:// domain', async () => {
    await expect(buildAppPackage({ env: { ...ENV, MicrosoftAppId: 'my-bot' }, outFile: path.join(tmp, 'y.zip') })).rejects.toThrow(
      /MicrosoftAppId must be a GUID/,
    );
    const result = await buildAppPackage({ env: { ...ENV, BOT_DOMAIN: 'https://bot.example.org/' }, outFile: path.join(tmp, 'z.zip') });
    expect((result.manifest as Record<string, unknown>).validDomains).toEqual(['bot.example.org']);
  });

  it('rejects a manifest the schema rejects', async () => {
    const dir = copyAppPackage((t) => t.replace('"accentColor": "#0F6E8C"', '"accentColor": "teal"'));
    await expect(buildAppPackage({ env: ENV, appPackageDir: dir, outFile: path.join(dir, 'out.zip') })).rejects.toThrow(
      /accentColor/,
    );
  });

  it('rejects a listed command the bot does not understand', async () => {
    const dir = copyAppPackage((t) => t.replace('{ "title": "status",', '{ "title": "kaffee",'));
    await expect(buildAppPackage({ env: ENV, appPackageDir: dir, outFile: path.join(dir, 'out.zip') })).rejects.toThrow(
      /"kaffee" is not a command the bot understands/,
    );
  });

  it('rejects an unknown placeholder instead of shipping it', async () => {
    const dir = copyAppPackage((t) => t.replace('"${{DEVELOPER_NAME}}"', '"${{DEVELOPER}}"'));
    await expect(buildAppPackage({ env: ENV, appPackageDir: dir, outFile: path.join(dir, 'out.zip') })).rejects.toThrow(
      PackageError,
    );
  });
});

describe('bundled schema repair', () => {
  it('escapes only brackets outside character classes', () => {
    expect(unicodeSafePattern('^a\\[\\b([0-9]|1[01])\\b]\\.x$')).toBe('^a\\[\\b([0-9]|1[01])\\b\\]\\.x$');
    expect(() => new RegExp(unicodeSafePattern('^x\\[\\b([0-9])\\b]$'), 'u')).not.toThrow();
  });
});
