/** Bytes of a text in the encodings people's tools save in when they do not save UTF-8. */

let shiftJisTable: Map<string, number[]> | undefined;

/**
 * Shift_JIS bytes of a text, as Excel on a Japanese Windows saves a CSV. Node decodes Shift_JIS but cannot encode
 * it, so the table is built once by decoding every two-byte code.
 */
export function shiftJis(text: string): Buffer {
  shiftJisTable ??= buildShiftJisTable();
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = shiftJisTable.get(char);
      if (!code) throw new Error(`"${char}" has no Shift_JIS code`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}

function buildShiftJisTable(): Map<string, number[]> {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
  for (const lead of leads) {
    for (const trail of range(0x40, 0xfc)) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** UTF-16 little-endian with its byte order mark, as Excel's "Unicode text" and Windows Notepad's "Unicode" save. */
export function utf16leWithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** UTF-16 big-endian without a byte order mark: no marker to go by, only the NUL bytes of the ASCII characters. */
export function utf16beWithoutBom(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}
