import type { Validated } from '../domain/validation';

/** Parses JSON, turning a syntax error into an issue that says on which line and column it is. */
export function parseJsonText(raw: string): Validated<unknown> {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = errorOffsetIfFound(text);
    const where = offset >= 0 ? lineAndColumn(text, offset) : '(file)';
    return { ok: false, issues: [{ where, message: `not valid JSON: ${message}` }] };
  }
}

/** The search for the position recurses per nesting level: a file nested deeper than the stack allows gets no position. */
function errorOffsetIfFound(text: string): number {
  try {
    return jsonErrorOffset(text);
  } catch (err) {
    if (err instanceof RangeError) return -1;
    throw err;
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * Where the first syntax error is, or -1 if there is none. Node's own messages do not always carry a position
 * (not for an unexpected token), and a person fixing a 1,500-line file needs one.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (c: string): void => {
    space();
    if (text[i] !== c) fail();
    i++;
  };
  const token = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  const string = (): void => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text[i]! < ' ') fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const list = (close: string, item: () => void): void => {
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === close) break;
      expect(',');
    }
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      list('}', () => {
        space();
        string();
        expect(':');
        value();
      });
    } else if (c === '[') {
      i++;
      list(']', value);
    } else if (c === '"') string();
    else if (!token(NUMBER) && !token(LITERAL)) fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return -1;
  } catch (err) {
    if (err instanceof SyntaxAt) return err.offset;
    throw err;
  }
}

/** Carries the failing offset out of the recursive descent. */
class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${offset}`);
  }
}
