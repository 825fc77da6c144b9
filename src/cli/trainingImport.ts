import { trainingImporter } from './importers';
import { runImportAsMain } from './runImport';

// npm run training:import -- --file attendance.csv (or sessions.csv, or a workbook of both) [--dry-run] [--lang en]
// What each column holds, and what re-importing sessions does: README, "Importing data" (Training records).
// Records are written an employee at a time and sessions after them: a failure half way leaves part written.
runImportAsMain('training:import', trainingImporter, 'part');
