import { importFramework } from '../importing/importFramework';
import { importRoster } from '../importing/importRoster';
import { importFrameworkWorkbook } from '../importing/workbook/importWorkbook';
import { textImporter, type ImportFile, type Importer } from './runImport';

const importFrameworkJson = textImporter((text, repositories, options) => importFramework(text, repositories.frameworks, options));

/** An .xlsx file, or any file that starts like one (a zip archive); never true of JSON text. */
function isWorkbook(file: ImportFile): boolean {
  const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
  return file.path.toLowerCase().endsWith('.xlsx') || ZIP_SIGNATURE.every((byte, i) => file.bytes[i] === byte);
}

/** `framework:import`: a JSON file, or a workbook written from `framework:template` / `framework:export`. */
export const frameworkImporter: Importer = (file, repositories, options) =>
  isWorkbook(file)
    ? importFrameworkWorkbook(file.bytes, repositories.frameworks, options)
    : importFrameworkJson(file, repositories, options);

/** `roster:import`: the staff roster CSV. */
export const rosterImporter: Importer = textImporter((text, repositories, options) => importRoster(text, repositories.roster, options));
