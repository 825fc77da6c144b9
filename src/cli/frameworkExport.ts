import { loadConfig } from '../config';
import { runAsMain } from './runImport';
import { runExport } from './writeWorkbooks';

// npm run framework:export -- --out city.xlsx   (the framework FRAMEWORK_ID, from the storage the bot uses)
runAsMain('framework:export', () => runExport(process.argv.slice(2), loadConfig()));
