import { CSV_BOM, csvLine, type CsvField } from '../../src/exporting/csv';
import { parseCsv } from '../../src/importing/csv';

/** A file of these records as bytes on disk, read back the way Excel does: UTF-8 because of the BOM, then RFC 4180. */
function roundTrip(records: readonly (readonly CsvField[])[]): { bytes: Buffer; cells: string[][] } {
  const bytes = Buffer.from(CSV_BOM + records.map(csvLine).join(''), 'utf8');
  const hasBom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = new TextDecoder(hasBom ? 'utf-8' : 'shift_jis').decode(bytes);
  return { bytes, cells: parseCsv(text).map((r) => r.fields) };
}

describe('csvLine', () => {
  it('writes plain fields as they are, ending the record with CRLF', () => {
    expect(csvLine(['E001', '北九 太郎', 3])).toBe('E001,北九 太郎,3\r\n');
  });

  it('writes undefined as an empty field and keeps the field count', () => {
    expect(csvLine([undefined, 'a', undefined])).toBe(',a,\r\n');
  });

  it('quotes a field with a comma, a quote, CR or LF, doubling the quotes', () => {
    expect(csvLine(['a,b'])).toBe('"a,b"\r\n');
    expect(csvLine(['say "hi"'])).toBe('"say ""hi"""\r\n');
    expect(csvLine(['two\r\nlines'])).toBe('"two\r\nlines"\r\n');
    expect(csvLine(['lone\rcr', 'lone\nlf'])).toBe('"lone\rcr","lone\nlf"\r\n');
  });

  it.each(['=1+1', '+81-93', '-5', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","見る")'])(
    'neutralises %p with a leading apostrophe so Excel keeps it as text',
    (text) => {
      const [cell] = roundTrip([[text]]).cells[0]!;
      expect(cell).toBe(`'${text}`);
    },
  );

  it('leaves numbers and text that merely contains formula characters alone', () => {
    expect(csvLine([-5, 'a=b', 'x-y', 'mail@example.jp'])).toBe('-5,a=b,x-y,mail@example.jp\r\n');
  });
});

describe('a CSV file as Excel reads it', () => {
  it('starts with the UTF-8 byte order mark, so Excel does not read it as Shift_JIS', () => {
    const { bytes } = roundTrip([['氏名']]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads back every record and field, Japanese, commas, quotes and embedded line breaks included', () => {
    const records = [
      ['職員番号', '氏名', '所属', '備考'],
      ['E001', '北九 太郎', '市民局, 区政課', '「至急」と"引用"\r\n二行目'],
      ['E002', '門司 花子', undefined, 'ｶﾀｶﾅ・😀'],
    ];
    const { cells } = roundTrip(records);
    expect(cells).toEqual([
      ['職員番号', '氏名', '所属', '備考'],
      ['E001', '北九 太郎', '市民局, 区政課', '「至急」と"引用"\r\n二行目'],
      ['E002', '門司 花子', '', 'ｶﾀｶﾅ・😀'],
    ]);
  });

  it('keeps a neutralised formula that also needs quotes in one cell', () => {
    const { cells } = roundTrip([['=A1,"x"\nB', 'next']]);
    expect(cells).toEqual([[`'=A1,"x"\nB`, 'next']]);
  });
});
