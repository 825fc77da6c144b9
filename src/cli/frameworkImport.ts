import { importFramework } from '../importing/importFramework';
import { runImportAsMain } from './runImport';

// npm run framework:import -- --file data/frameworks/<city>.json [--dry-run]
runImportAsMain('framework:import', (text, repositories, options) => importFramework(text, repositories.frameworks, options));
