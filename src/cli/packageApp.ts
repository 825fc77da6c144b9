import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Files that make up the Teams app package, in the order they are zipped. */
export const APP_PACKAGE_FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

/** True for a GUID such as a Microsoft app (client) ID. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * Replaces the `${{NAME}}` placeholders (Teams Toolkit convention) in a manifest template.
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
    return value;
  });
  if (missing.size > 0) throw new Error(`No value for manifest placeholder(s): ${[...missing].join(', ')}`);
  return filled;
}

/** Checks BOT_ID and returns the manifest with it filled in. */
export function renderManifest(template: string, botId: string | undefined): string {
  if (!botId) throw new Error('BOT_ID is not set: export the bot\'s Microsoft app (client) ID, e.g. BOT_ID=<guid> npm run package');
  if (!isGuid(botId)) throw new Error(`BOT_ID must be a GUID (the bot's Microsoft app ID), got "${botId}"`);
  return fillPlaceholders(template, { BOT_ID: botId });
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

/** Builds the Teams app package (zip bytes) from the files in `appPackageDir`. */
export function buildAppPackage(appPackageDir: string, botId: string | undefined): Buffer {
  const manifest = renderManifest(fs.readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8'), botId);
  return createZip(
    APP_PACKAGE_FILES.map((name) => ({
      name,
      data: name === 'manifest.json' ? Buffer.from(manifest, 'utf8') : fs.readFileSync(path.join(appPackageDir, name)),
    })),
  );
}

/** The project root: the nearest folder above this file with a package.json (works from src/ and dist/). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

function main(): void {
  const appPackageDir = path.join(projectRoot(), 'appPackage');
  const zip = buildAppPackage(appPackageDir, process.env.BOT_ID?.trim());
  const outFile = path.join(appPackageDir, 'build', 'appPackage.zip');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, zip);
  console.log(`Wrote ${path.relative(process.cwd(), outFile)} (${zip.length} bytes). Upload it in the Teams admin center.`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
