import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FrameworkDocument } from '../domain/framework/schema';
import { validateFramework } from '../domain/framework/validateFramework';
import { parseJsonText } from '../importing/parseJsonText';
import { projectRoot } from '../projectRoot';
import { cityValues, type CityValues } from './appManifestTexts';

/** Files that make up the Teams app package, in the order they are zipped. */
export const APP_PACKAGE_FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

/** True for a GUID such as a Microsoft app (client) ID. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * Replaces the `${{NAME}}` placeholders (Teams Toolkit convention) in a manifest template. They stand inside JSON
 * strings, so each value is written as JSON string content (a quote in a framework's name cannot break the file).
 * Throws if one has no value, so a package never ships with a placeholder left in it.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | undefined>>): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return match;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) throw new Error(`No value for manifest placeholder(s): ${[...missing].join(', ')}`);
  return filled;
}

/** Checks BOT_ID and returns the manifest with it and the city filled in. */
export function renderManifest(template: string, botId: string | undefined, city: CityValues): string {
  if (!botId) throw new Error('BOT_ID is not set: export the bot\'s Microsoft app (client) ID, e.g. BOT_ID=<guid> npm run package');
  if (!isGuid(botId)) throw new Error(`BOT_ID must be a GUID (the bot's Microsoft app ID), got "${botId}"`);
  return fillPlaceholders(template, { ...city, BOT_ID: botId });
}

/** One file to put in a ZIP archive. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

// 1980-01-01 00:00 in DOS format: a fixed time keeps the archive byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/**
 * The fields a local header and its central directory record share, in the same order:
 * version needed, flags, method (0 = stored), time, date, CRC-32, both sizes, name length.
 */
function writeEntryFields(header: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(0, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(crc, at + 10);
  header.writeUInt32LE(size, at + 14);
  header.writeUInt32LE(size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** Writes a ZIP archive with the entries stored uncompressed (the package is a few KB of icons and JSON). */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, crc, data.length, fileName.length);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, crc, data.length, fileName.length);
    central.writeUInt32LE(offset, 42);

    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Builds the Teams app package (zip bytes) from the files in `appPackageDir`, for the city `city` names. */
export function buildAppPackage(appPackageDir: string, botId: string | undefined, city: CityValues): Buffer {
  const read = (name: string): string => fs.readFileSync(path.join(appPackageDir, name), 'utf8');
  const filled: Partial<Record<(typeof APP_PACKAGE_FILES)[number], string>> = {
    'manifest.json': renderManifest(read('manifest.json'), botId, city),
    'en.json': fillPlaceholders(read('en.json'), city),
  };
  return createZip(
    APP_PACKAGE_FILES.map((name) => ({
      name,
      data: filled[name] === undefined ? fs.readFileSync(path.join(appPackageDir, name)) : Buffer.from(filled[name], 'utf8'),
    })),
  );
}

/** The framework file the package is for: data/frameworks/<FRAMEWORK_ID>.json, as the bot would carry it. */
function frameworkFor(root: string, frameworkId: string): FrameworkDocument {
  const file = path.join(root, 'data', 'frameworks', `${frameworkId}.json`);
  if (!fs.existsSync(file)) throw new Error(`FRAMEWORK_ID "${frameworkId}": no ${path.relative(process.cwd(), file)}`);
  const json = parseJsonText(fs.readFileSync(file, 'utf8'));
  const validated = json.ok ? validateFramework(json.value) : json;
  if (!validated.ok) throw new Error(`${frameworkId}.json is not valid: check it with npm run framework:import -- --dry-run`);
  return validated.value;
}

/**
 * `npm run package`: the app package of the city FRAMEWORK_ID names (default kitakyushu). With `--print-env`, the
 * city's values as NAME=value lines instead, for env/.env.<environment> of the Agents Toolkit path.
 */
function main(): void {
  const root = projectRoot();
  const env = (name: string): string | undefined => process.env[name]?.trim() || undefined;
  const framework = frameworkFor(root, env('FRAMEWORK_ID') ?? 'kitakyushu');
  const city = cityValues(framework, { website: env('APP_WEBSITE_URL'), privacy: env('APP_PRIVACY_URL'), terms: env('APP_TERMS_URL') });
  if (process.argv.includes('--print-env')) {
    for (const [name, value] of Object.entries(city)) console.log(`${name}=${value}`);
    return;
  }
  const appPackageDir = path.join(root, 'appPackage');
  const zip = buildAppPackage(appPackageDir, env('BOT_ID'), city);
  const outFile = path.join(appPackageDir, 'build', 'appPackage.zip');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, zip);
  console.log(`Wrote ${path.relative(process.cwd(), outFile)} (${zip.length} bytes) for ${framework.city}. Upload it in the Teams admin center.`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
