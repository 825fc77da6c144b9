import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// The Agents Toolkit project files agree with each other and with the az CLI path: every ${{VARIABLE}} they use has a
// source, the steps point at files that exist, and the App Service zip keeps what the app runs from.

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath: string;
  provision: Step[];
  deploy: Step[];
  publish: Step[];
}

const projectText = read('m365agents.yml');
const project = parse(projectText) as ProjectFile;
const bicep = read('infra/main.bicep');
const placeholders = (text: string): string[] => [...text.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);
const step = (stage: Step[], uses: string): Step => stage.find((s) => s.uses === uses)!;

describe('m365agents.yml', () => {
  it('declares the schema version it follows', () => {
    const schemaVersion = /^# yaml-language-server: \$schema=.*\/(v1\.\d+)\/yaml\.schema\.json$/m.exec(projectText)?.[1];
    expect(project.version).toMatch(/^v1\.\d+$/);
    expect(project.version).toBe(schemaVersion);
  });

  it('deploys infra/main.bicep with its parameters file, and only with parameters the template declares', () => {
    const template = (step(project.provision, 'arm/deploy').with!.templates as { path: string; parameters: string }[])[0]!;
    expect(path.normalize(template.path)).toBe(path.normalize('infra/main.bicep'));
    const parameters = JSON.parse(read(template.parameters)) as { parameters: Record<string, unknown> };
    const declared = [...bicep.matchAll(/^param (\w+)/gm)].map((m) => m[1]);
    expect(Object.keys(parameters.parameters).filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('finds every variable it and the manifest use in env/.env.dev, among the template outputs or the steps it runs', () => {
    const env = read(path.join(project.environmentFolderPath, '.env.dev'));
    const listed = [...env.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
    const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]);
    const written = [...project.provision, ...project.deploy, ...project.publish].flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {}));
    const used = new Set(['m365agents.yml', 'appPackage/manifest.json', 'appPackage/en.json'].flatMap((file) => placeholders(read(file))));
    expect([...used].filter((name) => !listed.includes(name))).toEqual([]);
    // Every variable env/.env.dev lists that provision or publish fill in must really come from one of them; the
    // city's (APP_…) are written in from `npm run package -- --print-env`, and the first three by whoever provisions.
    const filledLater = listed.filter(
      (name) => !['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'].includes(name!) && !name!.startsWith('APP_'),
    );
    expect(filledLater.filter((name) => !outputs.includes(name) && !written.includes(name!))).toEqual([]);
  });

  it('packages the same manifest as `npm run package`', () => {
    for (const stage of [project.provision, project.publish]) {
      expect(path.normalize(step(stage, 'teamsApp/zipAppPackage').with!.manifestPath as string)).toBe(path.normalize('appPackage/manifest.json'));
    }
  });

  it('zip-deploys to the App Service the template creates, keeping what `node dist/src/index.js` needs', () => {
    const zipDeploy = step(project.deploy, 'azureAppService/zipDeploy').with!;
    expect(placeholders(zipDeploy.resourceId as string)).toEqual(['BOT_AZURE_APP_SERVICE_RESOURCE_ID']);
    expect(bicep).toMatch(/appCommandLine: 'node [^']*dist\/src\/index\.js'/);
    const ignored = read(zipDeploy.ignoreFile as string)
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    for (const kept of ['package.json', 'package-lock.json', 'dist', 'cards', 'data', 'node_modules']) {
      expect(ignored.filter((pattern) => pattern.replace(/^\/|\/$/g, '') === kept)).toEqual([]);
    }
    // Unanchored, a pattern such as "src/" would also drop folders of that name inside node_modules.
    expect(ignored.filter((pattern) => !pattern.startsWith('/'))).toEqual([]);
  });
});

describe('the command that starts the bot', () => {
  it('is the same on Azure as in `npm run bot`, flags included', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const local = /&& (node .*dist\/src\/index\.js)$/.exec(scripts.bot!)?.[1];
    const azure = /appCommandLine: '([^']+)'/.exec(bicep)?.[1];
    expect(local).toMatch(/^node (?:--\S+ )*dist\/src\/index\.js$/);
    expect(azure).toBe(local);
  });
});
