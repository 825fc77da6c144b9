// Edge cases found by reading the code against its promises; each once failed.
import { loadConfig } from '../../src/config';
import { buildSearchIndex, search } from '../../src/domain/framework/search';
import { validateRoster } from '../../src/domain/roster/validateRoster';
import { parseCsv } from '../../src/importing/csv';
import { escapeKey } from '../../src/storage/tables';
import { loadKitakyushu } from './realFramework';

describe('edge cases', () => {
  // PORT= (empty, as .env files often have it) means unset, like every other empty setting, not port 0.
  it('loadConfig treats an empty PORT as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3978);
  });

  // A duplicated column must be named in the header, not show up as a field-count error on every row.
  it('validateRoster names a column that appears twice in the header', () => {
    const header = 'employeeNo,name,email,aadObjectId,department,section,grade,managerEmail,roles,roles';
    const result = validateRoster(parseCsv(`${header}\nE1,n,a@city.example.jp,00000001-aaaa-bbbb-cccc-dddddddddddd,d,s,g,,,`));
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ where: 'line 1', field: 'roles' })] });
  });

  // Keys must stay decodable with decodeURIComponent, C1 control characters included.
  it('escapeKey stays reversible for C1 control characters', () => {
    expect(decodeURIComponent(escapeKey('a\u0085b'))).toBe('a\u0085b');
  });

  // A lone CR is a line break inside quotes too, or later line numbers come out one short.
  it('parseCsv counts a CR inside a quoted field as a line break', () => {
    expect(parseCsv('a\r"x\ry",z\rb').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  // A recommended skill is found by its group's name, which its title shows.
  it('search finds every skill of the セキュリティ recommended group', () => {
    const titles = search(buildSearchIndex(loadKitakyushu()), 'セキュリティ', 50).map((h) => h.title);
    expect(titles).toEqual(
      expect.arrayContaining(['インシデント対応と事業継続（セキュリティ）', 'プライバシー保護（セキュリティ）', 'セキュア設計・開発・構築（セキュリティ）']),
    );
  });
});
