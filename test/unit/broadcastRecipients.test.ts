import { act, applicantOf, submitApplication, type ApplicationState } from '../../src/domain/applications/application';
import type { Employee } from '../../src/domain/roster/employee';
import { findRecipients, type RecipientSources } from '../../src/broadcast/recipients';
import type { StoredApplication } from '../../src/storage/applicationRepository';
import type { ConversationRecord } from '../../src/storage/conversationRepository';

// The selection rules of findRecipients, over plain in-memory sources shaped like the repositories it reads.

const employee = (n: number, department: string, grade: string): Employee => ({
  employeeNo: `E${n}`,
  name: `職員 ${n}`,
  email: `person${n}@example.city.jp`,
  // Upper case, as some clients send Entra ids: the conversations are keyed lower-case.
  aadObjectId: `0000000${n}-AAAA-4000-8000-00000000000${n}`,
  department,
  section: '',
  grade,
  roles: [],
});
const staff = [employee(1, '市民局', '主事'), employee(2, '市民局', '主任'), employee(3, '建設局', '主任'), employee(4, '建設局', '係長'), employee(5, '政策局', '課長')];
const [one, two, three, four, five] = staff as [Employee, Employee, Employee, Employee, Employee];
const manager = { aadObjectId: 'manager', name: '上司' };

/** An application of `who` in a fiscal year, moved to `state` by the domain. */
function application(who: Employee, fiscalYear: number, state: ApplicationState): StoredApplication {
  const submitted = submitApplication(
    { frameworkId: 'kk', fiscalYear, track: 'gold', applicant: applicantOf(who), approver: manager, motivation: '窓口の待ち時間を減らしたいです。' },
    new Date(`${fiscalYear}-06-10T00:00:00.000Z`),
  );
  const steps: Partial<Record<ApplicationState, Parameters<typeof act>[2]>> = { withdrawn: 'withdraw', rejected: 'reject', approved: 'approve' };
  const step = steps[state];
  const by = step === 'withdraw' ? { ...manager, aadObjectId: who.aadObjectId } : manager;
  const moved = step ? act(submitted, { ...by, isHr: false }, step, new Date(`${fiscalYear}-06-11T00:00:00.000Z`), '理由') : undefined;
  if (moved && !moved.ok) throw new Error(`${state}: ${moved.refusal}`);
  return { application: moved?.application ?? submitted, etag: 'etag' };
}

/** Sources with the staff above; everyone but employee 5 has a personal chat with the bot. */
function sources(applications: StoredApplication[] = []): RecipientSources {
  const reachable = new Map<string, ConversationRecord>(
    [one, two, three, four].map((e) => [e.aadObjectId.toLowerCase(), { scope: 'user', key: e.aadObjectId.toLowerCase(), reference: { user: { id: `29:${e.employeeNo}` } } }]),
  );
  return {
    roster: { listEmployees: () => Promise.resolve(staff) },
    conversations: { listUsers: () => Promise.resolve(reachable) },
    applications: {
      list: (frameworkId: string, fiscalYear: number) =>
        Promise.resolve(applications.filter((s) => s.application.frameworkId === frameworkId && s.application.fiscalYear === fiscalYear)),
      listYears: (frameworkId: string, fiscalYears: readonly number[]) =>
        Promise.resolve(applications.filter((s) => s.application.frameworkId === frameworkId && fiscalYears.includes(s.application.fiscalYear))),
    },
    // No training recorded: only a reminder of a training reads them, and candidatesMissing is tested on its own.
    trainingRecords: { listForEmployees: () => Promise.resolve(new Map()) },
  };
}

const numbers = (recipients: { employee: Employee }[]): string[] => recipients.map((r) => r.employee.employeeNo);

describe('findRecipients', () => {
  it('gives everyone in roster order, with their chat reference, or none when the app is not installed', async () => {
    const recipients = await findRecipients(sources(), 'kk', { kind: 'everyone' });
    expect(numbers(recipients)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
    expect(recipients[0]!.reference).toEqual({ user: { id: '29:E1' } });
    expect(recipients[4]!.reference).toBeUndefined();
  });

  it('gives the chosen departments, and the chosen grades', async () => {
    expect(numbers(await findRecipients(sources(), 'kk', { kind: 'departments', departments: ['建設局', '政策局'] }))).toEqual(['E3', 'E4', 'E5']);
    expect(numbers(await findRecipients(sources(), 'kk', { kind: 'grades', grades: ['主任'] }))).toEqual(['E2', 'E3']);
    expect(await findRecipients(sources(), 'kk', { kind: 'grades', grades: ['部長'] })).toEqual([]);
  });

  it('reminds those without an application that year: a withdrawn one does not count, any other does', async () => {
    const applications = [
      application(one, 2026, 'submitted'),
      application(two, 2026, 'rejected'),
      application(three, 2026, 'withdrawn'),
      application(four, 2025, 'approved'),
      // Another framework's application is not this one's.
      { ...application(five, 2026, 'approved'), application: { ...application(five, 2026, 'approved').application, frameworkId: 'other' } },
    ];
    expect(numbers(await findRecipients(sources(applications), 'kk', { kind: 'notApplied', fiscalYear: 2026 }))).toEqual(['E3', 'E4', 'E5']);
    expect(numbers(await findRecipients(sources(applications), 'kk', { kind: 'notApplied', fiscalYear: 2025 }))).toEqual(['E1', 'E2', 'E3', 'E5']);
  });
});
