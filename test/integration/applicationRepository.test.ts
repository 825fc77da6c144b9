import { randomUUID } from 'node:crypto';
import { act, submitApplication, type Actor, type Application } from '../../src/domain/applications/application';
import type { ApplicationFilter } from '../../src/storage/applicationRepository';
import { createRepositories } from '../../src/storage/repositories';
import { isConcurrencyConflict, storageStatus } from '../../src/storage/storageErrors';
import { createTableStorage } from '../../src/storage/tableStorage';
import { rejectionOf } from '../support/rejectionOf';
import { fiscalYearOf, liveFiscalYears } from '../../src/domain/applications/fiscalYear';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { applications, certifications } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

/** A framework id nobody else in the run has: each test reads and writes its own partitions. */
const newFrameworkId = (): string => `apps-${randomUUID().slice(0, 8)}`;

/** A person as Entra knows them; `upper` gives the id in upper case, as some clients send it. */
function aPerson(name: string, upper = false): { aadObjectId: string; name: string } {
  const id = randomUUID();
  return { aadObjectId: upper ? id.toUpperCase() : id, name };
}

/** A submitted application (the domain makes the id, state and trail). */
function anApplication(
  frameworkId: string,
  options: {
    applicant: { aadObjectId: string; name: string };
    approver: { aadObjectId: string; name: string };
    track?: string;
    department?: string;
    at?: string;
  },
): Application {
  const at = new Date(options.at ?? '2026-06-10T01:00:00.000Z');
  return submitApplication(
    {
      frameworkId,
      fiscalYear: fiscalYearOf(at),
      track: options.track ?? 'gold',
      applicant: { ...options.applicant, employeeNo: 'E1', department: options.department ?? '市民局', grade: '主事' },
      approver: options.approver,
      motivation: '窓口のオンライン予約を広げたいです。',
    },
    at,
  );
}

const asActor = (p: { aadObjectId: string; name: string }, isHr = false): Actor => ({ ...p, isHr });

/** The application after an action, failing the test if the domain refuses it. */
function after(application: Application, by: Actor, action: Parameters<typeof act>[2], at: string, comment?: string): Application {
  const outcome = act(application, by, action, new Date(at), comment);
  if (!outcome.ok) throw new Error(`${action} refused: ${outcome.refusal}`);
  return outcome.application;
}


describe('ApplicationRepository', () => {
  it('creates an application once: a second create of the same id is a 409 and leaves the first as it was', async () => {
    const frameworkId = newFrameworkId();
    const manager = aPerson('門司 花子');
    const first = anApplication(frameworkId, { applicant: aPerson('北九 太郎'), approver: manager });
    const created = await applications.create(first);
    expect(created).toEqual({ application: first, etag: expect.any(String) as unknown });

    // The same person, track and year: the same id, whatever else differs.
    const again: Application = { ...first, motivation: 'もう一度応募します。二通目です。', submittedAt: '2026-06-11T00:00:00.000Z' };
    const err = await rejectionOf(applications.create(again));
    expect(storageStatus(err)).toBe(409);
    expect(isConcurrencyConflict(err)).toBe(true);
    expect(await applications.find(frameworkId, 2026, first.id)).toEqual(created);
  });

  it('finds nothing for an unknown id, another fiscal year or another framework', async () => {
    const frameworkId = newFrameworkId();
    const application = anApplication(frameworkId, { applicant: aPerson('北九 太郎'), approver: aPerson('門司 花子') });
    await applications.create(application);
    expect(await applications.find(frameworkId, 2026, `2026-gold-${randomUUID()}`)).toBeUndefined();
    expect(await applications.find(frameworkId, 2025, application.id)).toBeUndefined();
    expect(await applications.find(newFrameworkId(), 2026, application.id)).toBeUndefined();
  });

  it('updates with the ETag it was read with; a stale ETag is a 412 and the row keeps the first change', async () => {
    const frameworkId = newFrameworkId();
    const applicant = aPerson('北九 太郎');
    const manager = aPerson('門司 花子');
    const created = await applications.create(anApplication(frameworkId, { applicant, approver: manager }));

    const approved = after(created.application, asActor(manager), 'approve', '2026-06-11T01:00:00.000Z');
    const updated = await applications.update(approved, created.etag);
    expect(updated.etag).not.toBe(created.etag);
    expect(await applications.find(frameworkId, 2026, approved.id)).toEqual(updated);

    // A second decision made from the same read: refused by storage, nothing changes.
    const rejected = after(created.application, asActor(manager), 'reject', '2026-06-11T01:00:01.000Z', 'やはり差し戻します。');
    const err = await rejectionOf(applications.update(rejected, created.etag));
    expect(storageStatus(err)).toBe(412);
    expect(isConcurrencyConflict(err)).toBe(true);
    const stored = await applications.find(frameworkId, 2026, approved.id);
    expect(stored).toEqual(updated);
    expect(stored!.application.state).toBe('approved');
    expect(stored!.application.trail.map((e) => e.action)).toEqual(['submit', 'approve']);
  });

  it('lists a fiscal year oldest first, filtered by state, track, department, applicant and approver (ids in any case)', async () => {
    const frameworkId = newFrameworkId();
    const [taro, jiro, yumi] = [aPerson('北九 太郎', true), aPerson('若松 次郎'), aPerson('到津 由美')];
    const [hanako, ichiro] = [aPerson('門司 花子', true), aPerson('小倉 一郎')];
    const hr = asActor(aPerson('人事 担当'), true);
    // Created out of order: the list sorts by submission.
    const a = anApplication(frameworkId, { applicant: taro, approver: hanako, track: 'gold', at: '2026-06-03T00:00:00.000Z' });
    const b = anApplication(frameworkId, { applicant: taro, approver: hanako, track: 'silver', at: '2026-06-01T00:00:00.000Z' });
    const c = anApplication(frameworkId, { applicant: jiro, approver: ichiro, track: 'gold', department: '政策局', at: '2026-06-02T00:00:00.000Z' });
    // A department with a quote, which the filter must escape.
    const d = anApplication(frameworkId, { applicant: yumi, approver: hanako, track: 'professional', department: "O'Brien課", at: '2026-06-04T00:00:00.000Z' });
    const bApproved = after(b, asActor(hanako), 'approve', '2026-06-05T00:00:00.000Z');
    const bSelected = after(bApproved, hr, 'select', '2026-07-01T00:00:00.000Z');
    const cRejected = after(c, asActor(ichiro), 'reject', '2026-06-05T00:00:00.000Z', '来年度にお願いします。');
    for (const application of [a, b, c, d]) await applications.create(application);
    const storedB = await applications.find(frameworkId, 2026, b.id);
    await applications.update(bSelected, storedB!.etag);
    const storedC = await applications.find(frameworkId, 2026, c.id);
    await applications.update(cRejected, storedC!.etag);
    // Another fiscal year of the same framework is another partition.
    const lastYear: Application = { ...a, id: `2025-gold-${taro.aadObjectId.toLowerCase()}`, fiscalYear: 2025, submittedAt: '2025-06-03T00:00:00.000Z' };
    await applications.create(lastYear);

    const ids = async (filter: ApplicationFilter = {}, fiscalYear = 2026): Promise<string[]> =>
      (await applications.list(frameworkId, fiscalYear, filter)).map((s) => s.application.id);
    expect(await ids()).toEqual([b.id, c.id, a.id, d.id]);
    expect(await ids({ state: 'submitted' })).toEqual([a.id, d.id]);
    expect(await ids({ state: 'selected' })).toEqual([b.id]);
    expect(await ids({ state: 'rejected' })).toEqual([c.id]);
    expect(await ids({ state: 'certified' })).toEqual([]);
    expect(await ids({ track: 'gold' })).toEqual([c.id, a.id]);
    expect(await ids({ track: 'professional' })).toEqual([d.id]);
    expect(await ids({ department: '市民局' })).toEqual([b.id, a.id]);
    expect(await ids({ department: "O'Brien課" })).toEqual([d.id]);
    // Ids match whatever their case, stored or asked.
    for (const id of [taro.aadObjectId, taro.aadObjectId.toLowerCase()]) expect(await ids({ applicantId: id })).toEqual([b.id, a.id]);
    expect(await ids({ applicantId: jiro.aadObjectId.toUpperCase() })).toEqual([c.id]);
    for (const id of [hanako.aadObjectId, hanako.aadObjectId.toLowerCase()]) expect(await ids({ approverId: id })).toEqual([b.id, a.id, d.id]);
    expect(await ids({ approverId: ichiro.aadObjectId.toUpperCase() })).toEqual([c.id]);
    // Filters combine.
    expect(await ids({ approverId: hanako.aadObjectId, state: 'submitted' })).toEqual([a.id, d.id]);
    expect(await ids({ applicantId: taro.aadObjectId, track: 'silver', state: 'selected', department: '市民局' })).toEqual([b.id]);
    expect(await ids({ applicantId: jiro.aadObjectId, approverId: hanako.aadObjectId })).toEqual([]);
    // Each fiscal year and framework is listed apart.
    expect(await ids({}, 2025)).toEqual([lastYear.id]);
    expect(await ids({ applicantId: taro.aadObjectId }, 2025)).toEqual([lastYear.id]);
    expect(await ids({}, 2027)).toEqual([]);
    expect(await applications.list(newFrameworkId(), 2026)).toEqual([]);

    // The listed rows carry the application as stored and an ETag good for an update.
    const [first] = await applications.list(frameworkId, 2026, { track: 'silver' });
    expect(first!.application).toEqual(bSelected);
    const trained = after(first!.application, hr, 'completeTraining', '2026-10-01T00:00:00.000Z');
    await applications.update(trained, first!.etag);
    expect(await ids({ state: 'trainingCompleted' })).toEqual([b.id]);
  });
});

describe('applications across fiscal years', () => {
  it('lists last year\'s applications beside this year\'s, since they keep moving after 31 March', async () => {
    const frameworkId = newFrameworkId();
    const manager = aPerson('門司 花子');
    const june = anApplication(frameworkId, { applicant: aPerson('北九 太郎'), approver: manager, at: '2025-06-10T01:00:00.000Z' });
    const nextJune = anApplication(frameworkId, { applicant: aPerson('戸畑 健二'), approver: manager, at: '2026-06-10T01:00:00.000Z' });
    await applications.create(june);
    await applications.create(nextJune);
    expect(liveFiscalYears(2026)).toEqual([2025, 2026]);
    const listed = await applications.listYears(frameworkId, liveFiscalYears(2026));
    expect(listed.map((s) => s.application.id)).toEqual([june.id, nextJune.id]);
    expect((await applications.list(frameworkId, 2026)).map((s) => s.application.id)).toEqual([nextJune.id]);
  });
});

describe('CertificationRepository', () => {
  it('records only if the row is as it was read: a stale ETag or a second first record is refused', async () => {
    const frameworkId = newFrameworkId();
    const aadObjectId = randomUUID();
    const base = { frameworkId, aadObjectId, fiscalYear: 2026, certifiedAt: '2026-11-01T00:00:00.000Z', applicationId: 'a' };
    expect(await certifications.recordIfUnchanged({ ...base, tier: 'silver' }, undefined)).toBe(true);
    expect(await certifications.recordIfUnchanged({ ...base, tier: 'gold' }, undefined)).toBe(false);
    const read = await certifications.findWithEtag(frameworkId, aadObjectId);
    expect(await certifications.recordIfUnchanged({ ...base, tier: 'gold' }, read!.etag)).toBe(true);
    expect(await certifications.recordIfUnchanged({ ...base, tier: 'silver' }, read!.etag)).toBe(false);
    expect(await certifications.find(frameworkId, aadObjectId)).toMatchObject({ tier: 'gold' });
  });

  it('records, finds (ids in any case) and replaces an employee\'s certified tier', async () => {
    const frameworkId = newFrameworkId();
    const employee = randomUUID();
    expect(await certifications.find(frameworkId, employee)).toBeUndefined();

    const silver = {
      frameworkId,
      aadObjectId: employee.toUpperCase(),
      tier: 'silver',
      fiscalYear: 2025,
      certifiedAt: '2026-02-20T01:00:00.000Z',
      applicationId: `2025-silver-${employee}`,
    };
    await certifications.record(silver);
    expect(await certifications.find(frameworkId, employee)).toEqual({ ...silver, aadObjectId: employee });
    expect(await certifications.find(frameworkId, employee.toUpperCase())).toEqual(silver);

    // Gold a year later replaces Silver: one row per employee.
    const gold = { ...silver, aadObjectId: employee, tier: 'gold', fiscalYear: 2026, certifiedAt: '2027-02-19T01:00:00.000Z', applicationId: `2026-gold-${employee}` };
    await certifications.record(gold);
    expect(await certifications.find(frameworkId, employee)).toEqual(gold);
    expect(typeof (await certifications.find(frameworkId, employee))!.fiscalYear).toBe('number');

    // Per framework, and per employee.
    expect(await certifications.find(newFrameworkId(), employee)).toBeUndefined();
    expect(await certifications.find(frameworkId, randomUUID())).toBeUndefined();
  });
});
