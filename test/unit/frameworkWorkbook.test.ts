import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateFramework } from '../../src/domain/framework/validateFramework';
import type { FrameworkDocument } from '../../src/domain/framework/schema';
import { readWorkbook } from '../../src/importing/workbook/readWorkbook';
import { frameworkWorkbook } from '../../src/importing/workbook/writeWorkbook';

const SHIPPED = ['kitakyushu', 'moka', 'kunisaki', 'national'];

function shipped(id: string): FrameworkDocument {
  const result = validateFramework(JSON.parse(readFileSync(path.join(__dirname, '../../data/frameworks', `${id}.json`), 'utf8')));
  if (!result.ok) throw new Error(`${id}.json is invalid`);
  return result.value;
}

/** A workbook as a file holds it: written to bytes and loaded again, as Excel would hand it back. */
async function throughFile(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(await workbook.xlsx.writeBuffer());
  return loaded;
}

describe('a framework written as a workbook and read back', () => {
  it.each(SHIPPED)('%s comes back exactly as its validated file', async (id) => {
    const document = shipped(id);
    // Only a JSON editor reads it; a workbook has no place for it.
    delete document.$schema;
    const reading = readWorkbook(await throughFile(frameworkWorkbook(document)));
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    const again = validateFramework(reading.document);
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.value).toStrictEqual(document);
  });
});
