import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { AppManifestUtils, type TeamsManifestV1D19 } from '@microsoft/app-manifest';
import { cityValues, type CityValues } from '../../src/cli/appManifestTexts';
import { APP_PACKAGE_FILES, buildAppPackage, renderManifest } from '../../src/cli/packageApp';
import { loadFrameworkFile } from '../unit/realFramework';

const APP_DIR = path.join(__dirname, '..', '..', 'appPackage');
const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

type Manifest = TeamsManifestV1D19.TeamsManifestV1D19;
type Localization = Record<string, string>;

const readText = (name: string) => fs.readFileSync(path.join(APP_DIR, name), 'utf8');

async function validateManifestText(text: string): Promise<[Manifest, string[]]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-navi-manifest-'));
  try {
    fs.writeFileSync(path.join(dir, 'manifest.json'), text);
    const [manifest, errors] = await AppManifestUtils.readAndValidateTeamsManifest(path.join(dir, 'manifest.json'));
    return [manifest as Manifest, errors];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface StringRule {
  maxLength?: number;
}
interface LocalizationSchema {
  required: string[];
  properties: Record<string, StringRule>;
  patternProperties: Record<string, StringRule>;
}

/**
 * Checks a localization file against the bundled schema. Not through ajv: the schema's patterns are not valid
 * as Unicode regular expressions, which ajv requires, so the library cannot compile it.
 */
function localizationErrors(localization: Localization): string[] {
  const schema = JSON.parse(
    fs.readFileSync(require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.19/MicrosoftTeams.Localization.schema.json'), 'utf8'),
  ) as LocalizationSchema;
  const errors = schema.required.filter((key) => !(key in localization)).map((key) => `${key}: missing`);
  for (const [key, value] of Object.entries(localization)) {
    const rule = schema.properties[key] ?? Object.entries(schema.patternProperties).find(([pattern]) => new RegExp(pattern).test(key))?.[1];
    if (!rule) errors.push(`${key}: not a localizable key`);
    else if (rule.maxLength !== undefined && value.length > rule.maxLength) errors.push(`${key}: longer than ${rule.maxLength}`);
  }
  return errors;
}

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA of every pixel, row by row. */
  rgba: Buffer;
}

/** Decodes the 8-bit, non-interlaced RGB/RGBA PNGs our icons are. */
function decodePng(file: Buffer): Png {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(file.toString('latin1', 12, 16)).toBe('IHDR');
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const [bitDepth, colorType, , , interlace] = file.subarray(24, 29);
  expect({ bitDepth, interlace }).toEqual({ bitDepth: 8, interlace: 0 });
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : NaN;
  expect(channels).not.toBeNaN();

  const idat: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    if (file.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(file.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter!]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4, 0xff);
  for (let i = 0; i < width * height; i++) pixels.copy(rgba, i * 4, i * channels, i * channels + channels);
  return { width, height, colorType: colorType!, rgba };
}

/** Reads a stored-only ZIP through its central directory, checking each entry's CRC with zlib's own CRC-32. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const files = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    expect(zip.readUInt16LE(at + 10)).toBe(0);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    expect(zlib.crc32(data)).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

/** A city without a web site in its framework file gets its links from the environment, as `npm run package` does. */
const CITY_SITE = 'https://www.example.city.jp/';
const cityOf = (id: string): CityValues => {
  const doc = loadFrameworkFile(id).document;
  return cityValues(doc, doc.contact?.website ? {} : { website: CITY_SITE });
};

describe('Teams app package', () => {
  const template = readText('manifest.json');
  const localization = JSON.parse(readText('en.json')) as Localization;
  const kitakyushu = cityOf('kitakyushu');
  const manifestOf = (city: CityValues): Manifest => JSON.parse(renderManifest(template, BOT_ID, city)) as Manifest;

  it('is a valid manifest once BOT_ID and the city are filled in', async () => {
    const [manifest, errors] = await validateManifestText(renderManifest(template, BOT_ID, kitakyushu));
    expect(errors).toEqual([]);
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots?.[0]?.botId).toBe(BOT_ID);
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('ja-jp');
  });

  it('refuses a missing or malformed BOT_ID', () => {
    expect(() => renderManifest(template, undefined, kitakyushu)).toThrow(/BOT_ID is not set/);
    expect(() => renderManifest(template, 'not-a-guid', kitakyushu)).toThrow(/BOT_ID must be a GUID/);
  });

  it.each(['kitakyushu', 'moka', 'kunisaki', 'national'])('carries the city of %s.json: developer, links and descriptions in both languages', async (id) => {
    const doc = loadFrameworkFile(id).document;
    const files = readZip(buildAppPackage(APP_DIR, BOT_ID, cityOf(id)));
    const [manifest, errors] = await validateManifestText(files.get('manifest.json')!.toString('utf8'));
    expect(errors).toEqual([]);
    expect(manifest.developer.name).toBe([doc.city, doc.contact?.office].filter(Boolean).join(' '));
    expect(manifest.developer.websiteUrl).toBe(doc.contact?.website ?? CITY_SITE);
    expect(manifest.description.short).toContain(doc.name);
    expect(manifest.description.full).toContain(`「${doc.name}」を${doc.city}の職員一人ひとりに届けるボットです。`);
    const english = JSON.parse(files.get('en.json')!.toString('utf8')) as Localization;
    expect(localizationErrors(english)).toEqual([]);
    expect(english['description.full']).toContain(doc.city);
    for (const file of ['manifest.json', 'en.json']) expect(files.get(file)!.toString('utf8')).not.toContain('${{');
  });

  it('says how people become DX talents in the city: applying, an evaluation, an appointment', () => {
    expect(cityOf('kitakyushu').APP_DESCRIPTION_FULL).toContain('毎年6月の募集期間には、ゴールド・シルバーへの応募から');
    expect(cityOf('moka').APP_DESCRIPTION_FULL).toContain('DXアドバイザー・DXエキスパート・DXスペシャリストの認定のための多面評価');
    expect(cityOf('kunisaki').APP_DESCRIPTION_FULL).toContain('DX推進リーダーへの任命');
    expect(cityOf('national').APP_DESCRIPTION_FULL).not.toContain('応募');
    expect(manifestOf(cityOf('kitakyushu')).developer.name).toBe('北九州市 政策局 DX・AI戦略室');
  });

  it('names the variable to set for a city whose framework has no web site, and refuses a link that is not https', () => {
    const moka = loadFrameworkFile('moka').document;
    expect(() => cityValues(moka)).toThrow(/set APP_WEBSITE_URL/);
    expect(() => cityValues(moka, { website: CITY_SITE, privacy: 'http://www.example.city.jp/privacy' })).toThrow(/APP_PRIVACY_URL must be an https address/);
    expect(cityValues(moka, { website: CITY_SITE, terms: `${CITY_SITE}terms` })).toMatchObject({ APP_PRIVACY_URL: CITY_SITE, APP_TERMS_URL: `${CITY_SITE}terms` });
  });

  it('keeps a quote in a framework\'s name from breaking the manifest', () => {
    const quoted = { ...kitakyushu, APP_DESCRIPTION_SHORT: '"DX" 戦略\\' };
    expect(manifestOf(quoted).description.short).toBe('"DX" 戦略\\');
  });

  it('offers the text commands in both scopes, each title within Teams limits', () => {
    const manifest = JSON.parse(template) as Manifest;
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    expect(lists.map((list) => list.scopes).sort()).toEqual([['personal'], ['team']]);
    const browsing = ['メニュー', 'レベル一覧', '推奨スキル', '研修', '検索 キーワード'];
    const titles = (scope: string): string[] =>
      lists.find((list) => (list.scopes as string[]).includes(scope))?.commands.map((command) => command.title) ?? [];
    // The self-assessment, applications, a manager's team and HR's menu are personal: offered in the 1:1 chat only.
    expect(titles('personal')).toEqual([...browsing, '自己診断', '応募', 'チーム', 'HRメニュー']);
    expect(titles('team')).toEqual(browsing);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) expect(command.title.length).toBeLessThanOrEqual(32);
    }
  });

  it('has an English localization that matches the schema and every command', () => {
    expect(localizationErrors(localization)).toEqual([]);
    const manifest = JSON.parse(template) as Manifest;
    const commandCount = (manifest.bots?.[0]?.commandLists ?? []).reduce((sum, list) => sum + list.commands.length, 0);
    const titles = Object.keys(localization).filter((key) => /^bots\[0\]\.commandLists\[\d\]\.commands\[\d\]\.title$/.test(key));
    const descriptions = Object.keys(localization).filter((key) => /\.commands\[\d\]\.description$/.test(key));
    expect(titles).toHaveLength(commandCount);
    expect(descriptions).toHaveLength(commandCount);
    expect(manifest.localizationInfo?.additionalLanguages).toEqual([{ languageTag: 'en-us', file: 'en.json' }]);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = decodePng(fs.readFileSync(path.join(APP_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);

    const outline = decodePng(fs.readFileSync(path.join(APP_DIR, 'outline.png')));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let transparent = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, alpha] = outline.rgba.subarray(i, i + 4);
      if (alpha === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(transparent).toBeLessThan(32 * 32);
  });

  it('zips the four files with a valid manifest', async () => {
    const files = readZip(buildAppPackage(APP_DIR, BOT_ID, kitakyushu));
    expect([...files.keys()]).toEqual([...APP_PACKAGE_FILES]);
    expect(files.get('color.png')).toEqual(fs.readFileSync(path.join(APP_DIR, 'color.png')));
    const [, errors] = await validateManifestText(files.get('manifest.json')!.toString('utf8'));
    expect(errors).toEqual([]);
    expect(files.get('manifest.json')!.toString('utf8')).not.toContain('${{');
  });
});
