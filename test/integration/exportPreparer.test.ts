import { randomUUID } from 'node:crypto';
import { CSV_BOM, csvLine, type CsvField } from '../../src/exporting/csv';
import type { CsvSource } from '../../src/exporting/csvSource';
import { Downloads } from '../../src/exporting/downloads';
import { ExportPreparer } from '../../src/exporting/exportPreparer';
import { newExportId, type PreparedExport } from '../../src/exporting/preparedExport';
import { silentLogger } from '../../src/logger';
import { ExportIncompleteError } from '../../src/storage/exportChunkRepository';
import { createRepositories } from '../../src/storage/repositories';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';

// Exports prepared in the background into Table storage chunks (Azurite), and read back as a download would.

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { exportChunks, exportLinks } = createRepositories(storage);
const HEADERS = ['職員番号', '氏名', '備考'];
const MINUTE = 60_000;

beforeAll(async () => {
  await storage.ensureTables();
});

/**
 * `pages` pages of `perPage` rows; `failAfter` pages, the next one throws (storage gone, say); with `holdAfter` pages,
 * the next one waits for `hold.release()` (and `hold.reached` says the export got there).
 */
function aSource(options: { pages: number; perPage: number; failAfter?: number; holdAfter?: number }): CsvSource & { rows: CsvField[][]; hold: Hold } {
  const hold = aHold();
  const rows = Array.from({ length: options.pages * options.perPage }, (_, i) => [`E${i}`, `職員 ${i}`, i % 7 === 0 ? '=1+1, "注意"\r\n二行目' : '']);
  return {
    kind: 'applications',
    fiscalYear: 2026,
    filename: '応募一覧_2026年度.csv',
    asciiFilename: 'applications-2026.csv',
    headers: HEADERS,
    rows,
    hold,
    count: () => Promise.resolve(rows.length),
    async *pages() {
      for (let page = 0; page < options.pages; page++) {
        if (page === options.failAfter) throw new Error('storage went away');
        if (page === options.holdAfter) await hold.arrive();
        yield rows.slice(page * options.perPage, (page + 1) * options.perPage);
      }
    },
  };
}

/** A point a source stops at until the test lets it go on. */
interface Hold {
  readonly reached: Promise<void>;
  arrive(): Promise<void>;
  release(): void;
}

function aHold(): Hold {
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    reached,
    arrive: () => {
      reach();
      return released;
    },
    release,
  };
}

/** Everything a listener hears, and a promise for the end (ready or failed). */
function listening(): { heard: { job: PreparedExport }[]; listen: (job: PreparedExport) => Promise<void>; end: Promise<void> } {
  const heard: { job: PreparedExport }[] = [];
  let done!: () => void;
  const end = new Promise<void>((resolve) => (done = resolve));
  return {
    heard,
    end,
    listen: (job) => {
      heard.push({ job });
      if (job.state !== 'preparing') done();
      return Promise.resolve();
    },
  };
}

function aPreparer(options: { chunkChars?: number } = {}): ExportPreparer {
  return new ExportPreparer({ exports: exportChunks, logger: silentLogger, now: () => new Date() }, { tellEveryMs: 0, ...options });
}

async function chunkRowsOf(id: string): Promise<string[]> {
  const keys: string[] = [];
  const rows = storage.table(TABLE_NAMES.exportChunks).listEntities({ queryOptions: { filter: `PartitionKey eq '${id}'` } });
  for await (const e of rows) keys.push(e.rowKey!);
  return keys;
}

async function textOf(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('ExportPreparer', () => {
  it('counts, writes the file page by page telling real progress, then tells it ready, offered for 15 minutes', async () => {
    const source = aSource({ pages: 5, perPage: 100 });
    const { heard, listen, end } = listening();
    const preparer = aPreparer({ chunkChars: 500 });
    const created = await preparer.create({ frameworkId: 'kk-export', requestedBy: 'hr-officer' }, source);
    expect(created).toMatchObject({ state: 'preparing', rows: 0, chunks: 0, kind: 'applications', fiscalYear: 2026 });
    expect(created.totalRows).toBeUndefined();

    const before = Date.now();
    preparer.prepare(created, source, listen);
    await end;
    const after = Date.now();

    // Counted first, then each stored page, then ready.
    expect(heard.map((h) => [h.job.state, h.job.rows, h.job.totalRows])).toEqual([
      ['preparing', 0, 500],
      ['preparing', 100, 500],
      ['preparing', 200, 500],
      ['preparing', 300, 500],
      ['preparing', 400, 500],
      ['preparing', 500, 500],
      ['ready', 500, 500],
    ]);
    // What was told as stored is stored: the progress row and the chunks agree at every step.
    const ready = heard.at(-1)!;
    // Offered 15 minutes from when the file was ready, however long making it took.
    const readyAt = Date.parse(ready.job.expiresAt) - 15 * MINUTE;
    expect(readyAt).toBeGreaterThanOrEqual(before);
    expect(readyAt).toBeLessThanOrEqual(after);
    const stored = await exportChunks.find(created.id);
    expect(stored).toEqual(ready.job);
    expect(await chunkRowsOf(created.id)).toHaveLength(stored!.chunks + 1);

    // A link downloads exactly the file, whose size the job knows: BOM, header, every row, each chunk within its limit.
    const file = CSV_BOM + csvLine(HEADERS) + source.rows.map(csvLine).join('');
    expect(stored!.bytes).toBe(Buffer.byteLength(file, 'utf8'));
    const downloads = new Downloads({ links: exportLinks, exports: exportChunks, logger: silentLogger, now: () => new Date() });
    const link = await exportLinks.create({ exportId: created.id, requestedBy: 'hr-officer', expiresAt: stored!.expiresAt });
    const download = await downloads.open(link.token);
    expect(download).toMatchObject({ filename: '応募一覧_2026年度.csv', asciiFilename: 'applications-2026.csv' });
    const chunks: string[] = [];
    for await (const chunk of download!.chunks) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk.length <= 500)).toBe(true);
    expect(chunks.join('')).toBe(file);
    // A link made out to someone else opens nothing, even with a valid token.
    const forged = await exportLinks.create({ exportId: created.id, requestedBy: 'someone-else', expiresAt: stored!.expiresAt });
    expect(await downloads.open(forged.token)).toBeUndefined();
  });

  it('writes a file of the header alone when there is nothing to export', async () => {
    const source = aSource({ pages: 0, perPage: 100 });
    const { heard, listen, end } = listening();
    const preparer = aPreparer();
    preparer.prepare(await preparer.create({ frameworkId: 'kk-export', requestedBy: 'hr-officer' }, source), source, listen);
    await end;

    const ready = heard.at(-1)!;
    expect([ready.job.state, ready.job.rows, ready.job.totalRows]).toEqual(['ready', 0, 0]);
    expect(await textOf(exportChunks.texts(ready.job.id, ready.job.chunks))).toBe(CSV_BOM + csvLine(HEADERS));
  });

  it('marks a failed export failed and deletes what it wrote: nothing of it is ever offered', async () => {
    const source = aSource({ pages: 5, perPage: 100, failAfter: 2 });
    const { heard, listen, end } = listening();
    const preparer = aPreparer({ chunkChars: 500 });
    const created = await preparer.create({ frameworkId: 'kk-export', requestedBy: 'hr-officer' }, source);
    preparer.prepare(created, source, listen);
    await end;

    const last = heard.at(-1)!;
    expect(last.job.state).toBe('failed');
    expect(heard.some((h) => h.job.state === 'ready')).toBe(false);
    expect((await exportChunks.find(created.id))?.state).toBe('failed');
    // Only the job row is left: no chunk of a half file remains to be offered.
    expect(await chunkRowsOf(created.id)).toEqual(['job']);
  });

  it('marks the exports under way failed when the bot stops, and tells their cards', async () => {
    const source = aSource({ pages: 50, perPage: 10, holdAfter: 2 });
    const { heard, listen, end } = listening();
    const preparer = aPreparer();
    const created = await preparer.create({ frameworkId: 'kk-export', requestedBy: 'hr-officer' }, source);
    preparer.prepare(created, source, listen);
    // Stopped with two pages written and the third being read.
    await source.hold.reached;
    const stopped = preparer.stop();
    source.hold.release();
    await stopped;
    await end;

    // Told of the count and the two pages written, then of the failure; the page read after the stop was not written.
    expect(heard.slice(0, -1).map((h) => [h.job.state, h.job.rows])).toEqual([
      ['preparing', 0],
      ['preparing', 10],
      ['preparing', 20],
    ]);
    expect(heard.at(-1)!.job.state).toBe('failed');
    expect((await exportChunks.find(created.id))?.state).toBe('failed');
    expect(await chunkRowsOf(created.id)).toEqual(['job']);
  });
});

describe('ExportChunkRepository', () => {
  function aJob(overrides: Partial<PreparedExport> = {}): PreparedExport {
    const now = new Date().toISOString();
    return {
      id: newExportId(),
      frameworkId: 'kk-export',
      kind: 'broadcasts',
      requestedBy: 'hr-officer',
      filename: 'お知らせ配信一覧.csv',
      asciiFilename: 'broadcasts.csv',
      state: 'preparing',
      rows: 0,
      chunks: 0,
      bytes: 0,
      startedAt: now,
      updatedAt: now,
      expiresAt: new Date(Date.now() + MINUTE).toISOString(),
      ...overrides,
    };
  }

  it('appends chunks and the progress that counts them together, past one transaction of 100', async () => {
    const job = aJob();
    await exportChunks.create(job);
    const texts = Array.from({ length: 150 }, (_, i) => `chunk ${i}\r\n`);
    const after = await exportChunks.append(job, texts, { rows: 150, updatedAt: job.updatedAt });

    expect(after).toMatchObject({ rows: 150, chunks: 150, bytes: Buffer.byteLength(texts.join(''), 'utf8') });
    expect(await exportChunks.find(job.id)).toEqual(after);
    expect(await textOf(exportChunks.texts(job.id, 150))).toBe(texts.join(''));
    // Only what the job counts is read.
    expect(await textOf(exportChunks.texts(job.id, 2))).toBe(texts.slice(0, 2).join(''));
  });

  it('breaks off a download whose chunks do not add up, rather than send part of a file as whole', async () => {
    const job = aJob();
    await exportChunks.create(job);
    const written = await exportChunks.append(job, ['a', 'b', 'c'], { rows: 3, updatedAt: job.updatedAt });
    await storage.table(TABLE_NAMES.exportChunks).deleteEntity(job.id, 'chunk:000002');

    await expect(textOf(exportChunks.texts(job.id, written.chunks))).rejects.toThrow(ExportIncompleteError);
    await expect(textOf(exportChunks.texts(job.id, 5))).rejects.toThrow(ExportIncompleteError);
  });

  it('deletes expired exports, job and chunks, and keeps the others', async () => {
    const expired = aJob({ expiresAt: new Date(Date.now() - MINUTE).toISOString() });
    const current = aJob();
    for (const job of [expired, current]) {
      await exportChunks.create(job);
      await exportChunks.append(job, ['x', 'y'], { rows: 2, updatedAt: job.updatedAt });
    }

    expect(await exportChunks.deleteExpired(new Date())).toBeGreaterThanOrEqual(1);
    expect(await exportChunks.find(expired.id)).toBeUndefined();
    expect(await chunkRowsOf(expired.id)).toEqual([]);
    expect(await exportChunks.find(current.id)).toMatchObject({ chunks: 2 });
    expect(await chunkRowsOf(current.id)).toHaveLength(3);
  });

  it('deletes one export whole, job and chunks (handed over, or declined)', async () => {
    const job = aJob();
    await exportChunks.create(job);
    await exportChunks.append(job, ['x', 'y'], { rows: 2, updatedAt: job.updatedAt });
    await exportChunks.delete(job.id);
    expect(await chunkRowsOf(job.id)).toEqual([]);
  });

  it('finds nothing for an unknown export', async () => {
    expect(await exportChunks.find(randomUUID())).toBeUndefined();
  });
});
