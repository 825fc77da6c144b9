import type { Employee } from '../../src/domain/roster/employee';
import { trainingRecordCard } from '../../src/features/training/views/trainingRecordCard';
import { translator } from '../../src/i18n';
import { textOf } from '../support/botHarness';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

// 「これからの研修」 when it has no session to list: why, and whom to ask, in the city's own words.

const t = translator('ja');
const viewer = { t, locale: 'ja' as const };
const employee: Employee = {
  employeeNo: 'E1',
  name: '八幡 花子',
  email: 'hanako@example.city.jp',
  aadObjectId: '00000000-0000-4000-8000-000000000001',
  department: '政策局',
  section: 'DX・AI戦略室',
  grade: '主任',
  roles: [],
};

describe('「これからの研修」 with nothing to list', () => {
  it('says no session is scheduled and names the contact office, for someone trainings are meant for', () => {
    const kitakyushu = loadKitakyushu();
    const text = textOf(trainingRecordCard(employee, [], { sessions: [], anyProgramMeant: true }, kitakyushu, viewer));
    expect(text).toContain(t('training.next.none'));
    expect(text).toContain(t('training.next.askContact', { contact: kitakyushu.contactName! }));
    expect(text).not.toContain(t('training.next.assessFirst'));
  });

  it('asks the HR office in a city that names no contact', () => {
    const noContact = loadFrameworkFile('kitakyushu');
    Object.assign(noContact.document, { contact: undefined });
    const text = textOf(trainingRecordCard(employee, [], { sessions: [], anyProgramMeant: true }, noContact, viewer));
    expect(text).toContain(t('training.next.askOffice'));
  });

  it('points someone neither assessed nor a candidate to the self-assessment instead', () => {
    const text = textOf(trainingRecordCard(employee, [], { sessions: [], anyProgramMeant: false }, loadKitakyushu(), viewer));
    expect(text).toContain(t('training.next.assessFirst'));
    expect(text).not.toContain(t('training.next.none'));
  });
});
