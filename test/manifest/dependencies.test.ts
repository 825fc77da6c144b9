import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

// What production installs and runs: `npm ci --omit=dev` and the App Service zip hold `node dist/src/index.js` and what
// it imports, on Node.js 24 everywhere. `npm start`'s local orchestration (src/local*: Azurite, the Agents Playground)
// is development only, and so are its packages.

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { dev?: boolean }> };

const LOCAL_ONLY_PACKAGES = ['azurite', '@microsoft/m365agentsplayground'];

/** Every .ts file under src/, as paths relative to the project root. */
function sourceFiles(dir = 'src'): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

const isLocalOrchestration = (file: string): boolean => /^src\/local(\.ts$|\/)/.test(file);
const productionFiles = sourceFiles().filter((file) => !isLocalOrchestration(file));

/** The module names a file imports, statically, with `import()` or with `require`. */
function importsOf(file: string): string[] {
  const text = read(file);
  const patterns = [/\bfrom '([^']+)'/g, /\bimport\('([^']+)'\)/g, /\brequire(?:\.resolve)?\('([^']+)'\)/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!));
}

/** The npm package a bare module name belongs to ("@azure/data-tables", "zod" for "zod/v4"). */
const packageOf = (name: string): string => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (name: string): boolean => name.startsWith('node:') || builtinModules.includes(name);

describe('the production install', () => {
  it('has every package that production code imports among the dependencies', () => {
    const missing = productionFiles.flatMap((file) =>
      importsOf(file)
        .filter((name) => !name.startsWith('.') && !isBuiltin(name))
        .map(packageOf)
        .filter((pkg) => !(pkg in packageJson.dependencies))
        .map((pkg) => `${file}: ${pkg}`),
    );
    expect(missing).toEqual([]);
  });

  it('leaves out Azurite and the Agents Playground: development dependencies, marked so in the lockfile', () => {
    for (const pkg of LOCAL_ONLY_PACKAGES) {
      expect({ pkg, production: pkg in packageJson.dependencies }).toEqual({ pkg, production: false });
      expect({ pkg, development: pkg in packageJson.devDependencies }).toEqual({ pkg, development: true });
      // `npm ci --omit=dev` skips exactly what the lockfile marks dev.
      expect({ pkg, dev: lock.packages[`node_modules/${pkg}`]?.dev }).toEqual({ pkg, dev: true });
    }
  });

  it('never reaches the local orchestration from production code', () => {
    const reaching = productionFiles.filter((file) => importsOf(file).some((name) => /(^|\/)local(\/|$)/.test(name)));
    expect(reaching).toEqual([]);
  });

  it('keeps the local orchestration out of the App Service zip, on both deploy paths', () => {
    const ignored = read('.webappignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['/dist/src/local.js*', '/dist/src/local/']));
    const zipCommand = read('README.md').split('\n').find((line) => line.startsWith('zip '));
    expect(zipCommand).toContain("-x 'dist/src/local*'");
  });
});

describe('the retired Bot Framework SDKs (botbuilder 4.23, Teams AI 1.7)', () => {
  // README.md, "The bot SDKs": the files that would change if they were replaced.
  const SEAMS = [/^src\/app\.ts$/, /^src\/botAdapter\.ts$/, /^src\/server\.ts$/, /^src\/features\//, /^src\/broadcast\/channelTransport\.ts$/];
  const SDK = /^(botbuilder|botframework-|@microsoft\/teams-ai)/;

  it('are imported only behind the seams', () => {
    const outside = productionFiles.filter((file) => !SEAMS.some((seam) => seam.test(file)) && importsOf(file).some((name) => SDK.test(name)));
    expect(outside).toEqual([]);
  });
});

describe('the runtime', () => {
  it('is Node.js 24 in package.json, .nvmrc, the App Service and the README', () => {
    expect(packageJson.engines.node).toBe('>=24');
    expect(read('.nvmrc').trim()).toBe('24');
    expect(read('infra/main.bicep')).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(read('README.md')).toContain('Needs Node.js 24');
    expect(packageJson.devDependencies['@types/node']).toMatch(/^\^24\./);
  });
});
