import type { Validated } from '../domain/validation';

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: "CSV UTF-8")';

/**
 * Decodes an import file's bytes as UTF-8, refusing anything else. Excel on a Japanese Windows saves CSV as
 * Shift_JIS by default: read leniently, every name would be imported as replacement characters without a word.
 */
export function decodeUtf8Text(bytes: Uint8Array): Validated<string> {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return refuse('(file)', `the file is UTF-16 text; ${SAVE_AS_UTF8}`);
  }
  // Checked before decoding: UTF-16 holding Japanese text is also invalid UTF-8, and NULs name the cause better.
  const nul = bytes.indexOf(0);
  if (nul >= 0) return refuse(`line ${lineOf(bytes, nul)}`, `the file holds NUL bytes (UTF-16, or not a text file?); ${SAVE_AS_UTF8}`);
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    return refuse(`line ${lineOf(bytes, at)}`, `byte ${at + 1} is not UTF-8 (Shift_JIS, or not a text file?); ${SAVE_AS_UTF8}`);
  }
}

function refuse(where: string, message: string): Validated<string> {
  return { ok: false, issues: [{ where, message }] };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The offset of the first byte that breaks UTF-8: the longest prefix that still decodes (only run on failure). */
function firstInvalidByte(bytes: Uint8Array): number {
  const decodes = (length: number): boolean => {
    try {
      // Streaming, so a prefix that ends half-way through a character still counts as valid.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const middle = Math.floor((valid + invalid) / 2);
    if (decodes(middle)) valid = middle;
    else invalid = middle;
  }
  return valid;
}

/** 1-based line of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
