import { CsvSyntaxError, parseCsv } from '../../src/importing/csv';

const fieldsOf = (text: string): string[][] => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('splits plain records and fields', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('unquotes fields, keeping commas, "" escapes and line breaks inside quotes', () => {
    expect(fieldsOf('"a,b","say ""hi""","two\nlines"')).toEqual([['a,b', 'say "hi"', 'two\nlines']]);
    expect(fieldsOf('"",x')).toEqual([['', 'x']]);
  });

  it('reads CRLF line endings and a trailing line break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(fieldsOf('\uFEFFemployeeNo,name\n1,x')[0]).toEqual(['employeeNo', 'name']);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(parseCsv('\n\na\n\n\nb\n')).toEqual([
      { line: 3, fields: ['a'] },
      { line: 6, fields: ['b'] },
    ]);
  });

  it('numbers the record after a multi-line quoted field by its real line', () => {
    const records = parseCsv('h1,h2\n"first\nsecond\nthird",x\ny,z\r\n"a\r\nb",c\nlast,row');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5, 6, 8]);
    expect(records[3]?.fields).toEqual(['a\r\nb', 'c']);
  });

  it('returns nothing for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('rejects an unclosed quote, naming the line where the quote opens', () => {
    const parse = (): unknown => parseCsv('a,b\n1,2\n3,"never\nclosed,4\n');
    expect(parse).toThrow(CsvSyntaxError);
    expect(parse).toThrow('line 3: a quoted field is never closed');
    try {
      parse();
    } catch (err) {
      expect((err as CsvSyntaxError).line).toBe(3);
    }
  });
});
