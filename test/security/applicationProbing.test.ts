import { randomUUID } from 'node:crypto';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { TABLE_NAMES } from '../../src/storage/tables';
import { buttonData, cardOf, executeActions, startBotHarness, textOf, type BotHarness } from '../support/botHarness';
import { importRosterRows, meet, openWindows, talkingTo } from '../support/conversation';
import { snapshotTables } from '../faults/storageSnapshot';
import { keepingWarnings, rosterOf } from './fixtures';

// Probing applications by id. An id is `{fiscal year}-{track}-{applicant's Entra id}`, and Entra ids are no secret
// inside the city (Teams shows them to any colleague's client), so anyone can write a colleague's id into a button.
// To anyone who is neither the applicant, nor an approver it was ever assigned to, nor HR, an application that exists
// must be exactly as unknown as one that does not: the same answer, nothing written, and a line in the log for the
// security team. Those it concerns still see it.

let azurite: Azurite;
let harness: BotHarness;
const { logger, warnings } = keepingWarnings();
const { click } = talkingTo(() => harness);

const roster = rosterOf();
const manager = roster.add('門司 花子', '課長');
const nextManager = roster.add('若松 恵', '課長');
const hr = roster.add('小倉 次郎', '係長', { department: '総務局', section: '人事課', roles: 'hr' });
const applicant = roster.add('北九 太郎', '主事', { manager });
/** A colleague in the same section: on the roster, with the app, and nothing to do with the application. */
const colleague = roster.add('八幡 次郎', '主事', { manager });

const fy = fiscalYearOf(new Date());
let applicationId = '';
/** An id of the same shape that nobody has: what the colleague's answers are compared with. */
const nobodys = `${fy}-gold-${randomUUID()}`;

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString, logger });
  await importRosterRows(harness, roster.rows);
  await openWindows(harness, ['gold']);
  await meet(harness, [applicant, manager, nextManager, hr, colleague]);
  const submitted = await click(applicant, 'application.submit', { track: 'gold', motivation: '窓口のオンライン予約を全区に広げたいです。', attachAssessment: 'false' });
  expect(textOf(submitted)).toContain('承認依頼を送りました');
  const request = cardOf(harness.connector.activities(`a:${manager.id}`).at(-1)!);
  applicationId = buttonData(request, 'approval.decide', { decision: 'approve' }).applicationId as string;
  // HR hands the decision to another manager: the first stays an approver it was once assigned to.
  expect(textOf(await click(hr, 'hr.reassign', { applicationId, approverEmail: nextManager.email }))).toContain('承認者を若松 恵さんに変更しました');
}, 60_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

/** Everything stored, except the colleague's own chat, which every click of theirs keeps current. */
const stored = (): ReturnType<typeof snapshotTables> =>
  snapshotTables(
    azurite.connectionString,
    (table, row) => table !== TABLE_NAMES.leases && !(table === TABLE_NAMES.conversations && row.rowKey?.includes(colleague.aadObjectId)),
  );

/** Each button a colleague could forge, with the application id it names. */
const PROBES: readonly [string, string, (id: string) => Record<string, unknown>][] = [
  ['views the approval card', 'approval.view', (id) => ({ applicationId: id })],
  ['approves', 'approval.decide', (id) => ({ applicationId: id, decision: 'approve' })],
  ['rejects with a comment', 'approval.decide', (id) => ({ applicationId: id, decision: 'reject', comment: '不適切です。' })],
  ['asks to withdraw', 'application.withdraw', (id) => ({ applicationId: id })],
  ['withdraws, confirmed', 'application.withdraw', (id) => ({ applicationId: id, confirmed: true })],
  ["opens HR's detail", 'hr.application', (id) => ({ applicationId: id })],
  ['moves it on as HR would', 'hr.advance', (id) => ({ applicationId: id, action: 'select' })],
  ['reassigns it to themselves', 'hr.reassign', (id) => ({ applicationId: id, approverEmail: colleague.email })],
];

describe("a colleague who forges a button with someone else's application id", () => {
  it.each(PROBES)('gets the same answer as for an id nobody has when she %s, and nothing changes', async (_what, verb, data) => {
    const before = await stored();
    const forNobodys = await harness.click(verb, data(nobodys), { user: colleague });
    const warned = warnings.length;
    const forTaros = await harness.click(verb, data(applicationId), { user: colleague });

    expect(forTaros).toEqual(forNobodys);
    expect(forTaros.status).toBe(200);
    expect(textOf(forTaros.body.value)).not.toContain(applicant.name);
    expect(await stored()).toEqual(before);
    // HR's steps refuse her before anything is read; the others read it, hide it and say so in the log.
    const hidden = warnings.slice(warned).some((w) => w.message === 'application hidden from an outsider');
    expect({ verb, hidden }).toEqual({ verb, hidden: !verb.startsWith('hr.') });
  });
});

describe('the people the application concerns', () => {
  it('still see it: the applicant and the approver it was taken from read-only, the approver now with the buttons, HR in full', async () => {
    const asApplicant = await click(applicant, 'approval.view', { applicationId });
    const asFormerApprover = await click(manager, 'approval.view', { applicationId });
    const asApprover = await click(nextManager, 'approval.view', { applicationId });
    const asHr = await click(hr, 'hr.application', { applicationId });

    for (const card of [asApplicant, asFormerApprover, asApprover, asHr]) expect(textOf(card)).toContain('窓口のオンライン予約を全区に広げたいです。');
    expect([asApplicant, asFormerApprover, asApprover].map((card) => executeActions(card).some((a) => a.verb === 'approval.decide'))).toEqual([false, false, true]);
    expect(textOf(asHr)).toContain('北九 太郎さんの応募');
  });
});
