import { trainingImporter } from './importers';
import { runImportAsMain } from './runImport';

// npm run training:import -- --file attendance.csv [--dry-run] [--lang en]
// What each column holds: README, "Importing data" (Training records).
runImportAsMain('training:import', trainingImporter);
