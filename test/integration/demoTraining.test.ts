import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT } from '../../src/cli/runImport';
import { startTrainingImport, type TrainingImportBench } from '../support/trainingImport';

// The demo attendance file the README offers to try after `npm start`: it imports onto the demo roster and
// Kitakyushu's programs as it stands, so a newcomer's first 「受講履歴」 shows something.

const demo = (file: string): string => path.join(__dirname, '../../data/demo', file);
let bench: TrainingImportBench;

beforeAll(async () => {
  const [, ...rosterRows] = readFileSync(demo('roster.csv'), 'utf8').trim().split('\n');
  bench = await startTrainingImport('demo-training', rosterRows);
});
afterAll(async () => {
  await bench?.stop();
});

it('imports onto the demo roster, and a second time changes nothing', async () => {
  expect(await bench.run('--file', demo('training.csv'))).toBe(EXIT.ok);
  const records = await bench.repositories.trainingRecords.listForEmployee('demo-training', 'D0001');
  expect(records.map((r) => [r.programId, r.status]).sort()).toEqual([
    ['dx-academy', 'completed'],
    ['online-video-learning', 'attended'],
  ]);
  expect(await bench.run('--file', demo('training.csv'))).toBe(EXIT.ok);
  expect(bench.printed.at(-1)).toContain('already up to date');
});
