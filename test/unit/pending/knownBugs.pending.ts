// Expectations that the current code does not meet. Kept out of the suite (the name does not end in .test.ts).
// Run them with:  npx jest --testMatch '**/pending/*.pending.ts'
// When a bug is fixed, move its test into the module's own test file under test/unit/.
import { loadConfig } from '../../../src/config';
import { buildSearchIndex, search } from '../../../src/domain/framework/search';
import { validateRoster } from '../../../src/domain/roster/validateRoster';
import { parseCsv } from '../../../src/importing/csv';
import { parseJsonText } from '../../../src/importing/parseJsonText';
import { escapeKey } from '../../../src/storage/tables';
import { loadKitakyushu } from '../realFramework';

function whereOf(text: string): string {
  const result = parseJsonText(text);
  if (result.ok) throw new Error('expected a syntax error');
  return result.issues[0]!.where;
}

describe('known bugs', () => {
  // Node 20 words "unexpected token" errors without a position, so the issue says only "(file)".
  it('parseJsonText locates an unexpected token', () => {
    expect(whereOf('{"a":}')).toBe('line 1, column 6');
    expect(whereOf('{\n  "a": x\n}')).toBe('line 2, column 8');
  });

  // The position is in the text without the BOM, but the line and column are counted in the text with it.
  it('parseJsonText counts lines and columns after a byte order mark', () => {
    expect(whereOf('\uFEFF{\n  "a": 1,\n}')).toBe('line 3, column 1');
    expect(whereOf('\uFEFF{\n"a" 1}')).toBe('line 2, column 5');
  });

  // PORT= (empty, as .env files often have it) becomes port 0, a random port; other empty settings mean "unset".
  it('loadConfig treats an empty PORT as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3978);
  });

  // A duplicated column passes the header check; every row is then rejected as "10 fields; the header has 9".
  it('validateRoster names a column that appears twice in the header', () => {
    const header = 'employeeNo,name,email,aadObjectId,department,section,grade,managerEmail,roles,roles';
    const result = validateRoster(parseCsv(`${header}\nE1,n,a@city.example.jp,00000001-aaaa-bbbb-cccc-dddddddddddd,d,s,g,,,`));
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ where: 'line 1', field: 'roles' })] });
  });

  // U+0080–U+009F become %80–%9F, which decodeURIComponent rejects (URIError: URI malformed).
  it('escapeKey stays reversible for C1 control characters', () => {
    expect(decodeURIComponent(escapeKey('a\u0085b'))).toBe('a\u0085b');
  });

  // A lone CR ends a line outside quotes but is not counted inside them, so later line numbers are one short.
  it('parseCsv counts a CR inside a quoted field as a line break', () => {
    expect(parseCsv('a\r"x\ry",z\rb').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  // Recommended skills are indexed by their own name only; the group name shown in their titles is not searched.
  it('search finds every skill of the セキュリティ recommended group', () => {
    const titles = search(buildSearchIndex(loadKitakyushu()), 'セキュリティ', 50).map((h) => h.title);
    expect(titles).toEqual(
      expect.arrayContaining(['インシデント対応と事業継続（セキュリティ）', 'プライバシー保護（セキュリティ）', 'セキュア設計・開発・構築（セキュリティ）']),
    );
  });
});
