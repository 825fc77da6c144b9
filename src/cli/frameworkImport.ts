import { frameworkImporter } from './importers';
import { runImportAsMain } from './runImport';

// npm run framework:import -- --file data/frameworks/<city>.json [--dry-run]
// npm run framework:import -- --file <city>.xlsx [--dry-run] [--lang en]   (a workbook; problems in Japanese unless --lang en)
runImportAsMain('framework:import', frameworkImporter);
