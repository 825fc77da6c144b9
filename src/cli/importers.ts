import { importFramework } from '../importing/importFramework';
import { importRoster } from '../importing/importRoster';
import { importTrainingTables } from '../importing/training/importTrainingFile';
import { readCsvTables, readWorkbookTables } from '../importing/training/readTrainingTable';
import { importFrameworkWorkbook } from '../importing/workbook/importWorkbook';
import { translator } from '../i18n';
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

/** `training:import`: attendance records or sessions as CSV, or a workbook with a sheet of either or both. */
export const trainingImporter: Importer = async (file, repositories, options) => {
  const t = translator(options.locale);
  const tables = isWorkbook(file) ? await readWorkbookTables(file.bytes, t) : readCsvTables(file.bytes, t);
  return tables.ok ? importTrainingTables(tables.value, repositories, options) : { status: 'invalid', issues: tables.issues };
};
