import { importRoster } from '../importing/importRoster';
import { runImportAsMain } from './runImport';

// npm run roster:import -- --file data/demo/roster.csv [--dry-run]
runImportAsMain('roster:import', (text, repositories, options) => importRoster(text, repositories.roster, options));
