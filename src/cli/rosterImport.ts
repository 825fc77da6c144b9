import { rosterImporter } from './importers';
import { runImportAsMain } from './runImport';

// npm run roster:import -- --file data/demo/roster.csv [--dry-run]
// What each column holds: README, "Importing data" (Roster); a missing column is named with it (ROSTER_COLUMN_MEANINGS).
runImportAsMain('roster:import', rosterImporter);
