import { runAsMain } from './runImport';
import { runTemplate } from './writeWorkbooks';

// npm run framework:template -- --out city.xlsx [--from kitakyushu]
runAsMain('framework:template', () => runTemplate(process.argv.slice(2)));
