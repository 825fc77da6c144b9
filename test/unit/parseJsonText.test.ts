import { parseJsonText } from '../../src/importing/parseJsonText';

function whereOf(text: string): string {
  const result = parseJsonText(text);
  if (result.ok) throw new Error('expected a syntax error');
  return result.issues[0]!.where;
}

describe('parseJsonText', () => {
  // Node words "unexpected token" errors without a position: the parser must find it itself.
  it('parseJsonText locates an unexpected token', () => {
    expect(whereOf('{"a":}')).toBe('line 1, column 6');
    expect(whereOf('{\n  "a": x\n}')).toBe('line 2, column 8');
  });

  // Excel-style files start with a BOM; positions must be counted in the same text as lines and columns.
  it('parseJsonText counts lines and columns after a byte order mark', () => {
    expect(whereOf('\uFEFF{\n  "a": 1,\n}')).toBe('line 3, column 1');
    expect(whereOf('\uFEFF{\n"a" 1}')).toBe('line 2, column 5');
  });

  it('parses valid JSON', () => {
    expect(parseJsonText('{"a":[1,"x"]}')).toEqual({ ok: true, value: { a: [1, 'x'] } });
  });

  it('allows a UTF-8 byte order mark', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('reports the line and column of a trailing comma', () => {
    expect(whereOf('{\n  "a": 1,\n}')).toBe('line 3, column 1');
  });

  it('reports the line and column of a missing colon', () => {
    expect(whereOf('{\n  "id": "x",\n  "name" "y"\n}')).toBe('line 3, column 10');
  });

  it('reports the line and column of an unfinished array', () => {
    expect(whereOf('[1,2')).toBe('line 1, column 5');
  });

  it('says the text is not valid JSON', () => {
    const result = parseJsonText('{"a" 1}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('rejects an empty text', () => {
    expect(parseJsonText('').ok).toBe(false);
  });
});
