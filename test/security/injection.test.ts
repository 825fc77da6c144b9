import { search } from '../../src/domain/framework/search';
import { emailsIn } from '../../src/features/evaluation/planForm';
import { searchResultsCard } from '../../src/features/framework/views/searchView';
import { translator } from '../../src/i18n';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { buttonData, cardOf, startBotHarness, textOf, type BotHarness, type Card } from '../support/botHarness';
import { importRosterRows, meet, openWindows, talkingTo } from '../support/conversation';
import { kitakyushuActive } from '../support/allCards';
import { mokaLikeDocument } from '../support/mokaLike';
import { rosterOf, type Person } from './fixtures';
import { EVIL_HOST, PAYLOAD_NAMES, PAYLOADS, SHOWN_AS_TYPED, treatmentOf, typesOf, urlsOf, type PayloadName } from './cardWalk';
import { waitFor } from '../support/waitFor';

// Markdown and Adaptive Card injection through every free text people type and the bot shows again: an employee's
// motivation, a manager's comment, a rater's comment, HR's broadcast, a search, the e-mails HR types. Teams renders
// markdown in TextBlocks and FactSets, so a link typed there would be a live link on a colleague's screen, dressed as
// the bot's own. What must hold on every card that shows such text: it appears literally (not expanded, not
// dropped), only in a TextRun or an input's value, and no element or action gains a URL of the attacker's host.
// The roster is one data set per storage, so each bot here brings its own Azurite.

/** Every card shows `typed` as typed (see treatmentOf); each is named, so a failure says which card. */
function expectShownAsTyped(typed: string, cards: Record<string, unknown>): void {
  const names = Object.keys(cards);
  expect(names.map((card) => ({ card, ...treatmentOf(cards[card], typed) }))).toEqual(names.map((card) => ({ card, ...SHOWN_AS_TYPED })));
}

describe('in a city where employees apply and HR broadcasts (Kitakyushu)', () => {
  let azurite: Azurite;
  let harness: BotHarness;
  const { click, clickBelow, say, inbox } = talkingTo(() => harness);

  const roster = rosterOf();
  const manager = roster.add('門司 花子', '課長');
  const hr = roster.add('小倉 次郎', '係長', { roles: 'hr' });
  /** One applicant per payload: one application per track and year each. */
  const applicants = Object.fromEntries(PAYLOAD_NAMES.map((name, i) => [name, roster.add(`北九 ${i + 1}郎`, '主事', { manager })])) as Record<PayloadName, Person>;
  // IT imports the roster: names, departments and grades are its data, shown on many cards (see the last test).
  const plainly = roster.add('若松 恵', '主事', { manager });
  // Two people who apply once each, alike but for the markup in one's name and department.
  const twin = roster.add('戸畑 健二', '主事', { manager, department: '建設局' });
  const markedUp = roster.add(`八幡 ${PAYLOADS.link}${PAYLOADS.json}`, '主事', { manager, department: `${PAYLOADS.image}局` });

  beforeAll(async () => {
    azurite = await startAzurite();
    harness = await startBotHarness({ connectionString: azurite.connectionString });
    await importRosterRows(harness, roster.rows);
    await openWindows(harness, ['gold']);
    await meet(harness, [manager, hr, ...Object.values(applicants), plainly, twin, markedUp]);
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
    await azurite?.stop();
  });

  /** The applicant applies for Gold with `motivation`; returns the confirm card and the request that reached the manager. */
  async function apply(applicant: Person, motivation: string): Promise<{ confirm: Card; request: Card; applicationId: string }> {
    const data = { track: 'gold', motivation, attachAssessment: 'false' };
    const confirm = await click(applicant, 'application.confirm', data);
    const managerChat = inbox(manager);
    expect(textOf(await click(applicant, 'application.submit', data))).toContain('承認依頼を送りました');
    const [request] = managerChat.take();
    return { confirm, request: request!, applicationId: buttonData(request, 'approval.decide', { decision: 'reject' }).applicationId as string };
  }

  it.each(PAYLOAD_NAMES)('shows a motivation and a rejection comment with %s as typed, to the applicant, the manager and HR', async (name) => {
    const payload = PAYLOADS[name];
    const applicant = applicants[name];
    const { confirm, request, applicationId } = await apply(applicant, `窓口のオンライン化を進めたいです。${payload}`);
    const view = await click(manager, 'approval.view', { applicationId });
    const applicantChat = inbox(applicant);
    const decided = await click(manager, 'approval.decide', { applicationId, decision: 'reject', comment: `もう少し具体的に。${payload}` });
    expect(textOf(decided)).toContain('差し戻し');
    const [notice] = applicantChat.take();
    const detail = await click(hr, 'hr.application', { applicationId });

    // The audit trail keeps the comment.
    expect(textOf(detail)).toContain(`もう少し具体的に。${payload}`);
    expectShownAsTyped(payload, {
      confirm,
      'approval request': request,
      'approval card, refreshed': view,
      'approval card, decided': decided,
      "applicant's notice": notice,
      "HR's detail": detail,
    });
  });

  it.each(PAYLOAD_NAMES)('shows a broadcast with %s in its title and body as typed, to HR and to every recipient', async (name) => {
    const payload = PAYLOADS[name];
    const title = `お知らせ ${payload}`;
    // HR is among the recipients of the earlier broadcasts, which the sender may still be delivering: of the cards
    // that come below, the ones that matter are the form, the preview and its way on, and the recipients.
    const form = (await clickBelow(hr, 'hr.broadcast.compose', {})).find((card) => textOf(card).includes('お知らせを作成'))!;
    const { broadcastId } = buttonData(form, 'hr.broadcast.preview');
    const body = `募集を始めます。\n${payload}\n\n詳しくは ${payload}`;
    const [preview, controls] = (await clickBelow(hr, 'hr.broadcast.preview', { broadcastId, title, body, applyTracks: 'gold' })).filter((card) =>
      textOf(card).includes(title),
    );
    const again = (await clickBelow(hr, 'hr.broadcast.compose', { broadcastId })).find((card) => textOf(card).includes(title))!;
    const audience = (await clickBelow(hr, 'hr.broadcast.audience', { broadcastId })).find((card) => textOf(card).includes(title))!;
    const everyone = { broadcastId, audienceKind: 'everyone', departments: '', grades: '', startDate: '', startTime: '09:00' };
    const review = await click(hr, 'hr.broadcast.review', everyone);
    const status = await click(hr, 'hr.broadcast.confirm', buttonData(review, 'hr.broadcast.confirm'));
    const list = await click(hr, 'hr.broadcasts', {});
    // The sender delivers the card HR previewed to everyone who has the app.
    const received = await waitFor(`the notice in ${plainly.name}'s chat`, () =>
      harness.connector.activities(`a:${plainly.id}`).map(cardOf).find((card) => textOf(card).includes(title)),
    );
    // And updates HR's status card in place as it goes.
    const updated = await waitFor("HR's status card, updated", () =>
      harness.connector.updates(`a:${hr.id}`).map(cardOf).filter((card) => textOf(card).includes(title)).at(-1),
    );

    expect(textOf(preview)).toContain('募集を始めます。');
    expectShownAsTyped(payload, {
      preview,
      'preview controls': controls,
      'compose form, again': again,
      audience,
      review,
      status,
      'status, updated by the sender': updated,
      list,
      "a recipient's notice": received,
    });
  });

  it.each(PAYLOAD_NAMES)('echoes a search for %s that finds nothing as typed, from the chat and from the menu', async (name) => {
    const payload = PAYLOADS[name];
    const typed = await say(plainly, payload);
    const fromTheMenu = await click(plainly, 'framework.search', { query: payload });
    // "Nothing matches" repeats the first 40 characters of what was typed.
    const echo = payload.length > 40 ? `${payload.slice(0, 40)}…` : payload;

    expect([textOf(typed), textOf(fromTheMenu)]).toEqual([expect.stringContaining('見つかりませんでした'), expect.stringContaining('見つかりませんでした')]);
    expectShownAsTyped(echo, { typed, 'from the menu': fromTheMenu });
  });

  it.each(PAYLOAD_NAMES)('would echo a query with %s as typed on the results too', (name) => {
    // Every word of a query must occur in the framework for a result, so no payload reaches this card through the
    // chat today; the card is checked on its own, should the search ever grow looser.
    const payload = PAYLOADS[name];
    const active = kitakyushuActive();
    const hits = search(active.searchIndex, 'DX');
    expect(hits.length).toBeGreaterThan(0);
    expectShownAsTyped(payload, { results: searchResultsCard(payload, hits, translator('ja')) });
  });

  it.each(PAYLOAD_NAMES)("shows HR's filters and e-mails with %s as typed", async (name) => {
    const payload = PAYLOADS[name];
    const filtered = await click(hr, 'hr.applications', { filterState: 'any', filterTrack: 'any', filterDepartment: payload });
    const team = await click(hr, 'team.show', { managerEmail: payload });
    const { applicationId } = await apply(plainly, '窓口のオンライン化を進めたいです。');
    const reassigned = await click(hr, 'hr.reassign', { applicationId, approverEmail: payload });
    await click(plainly, 'application.withdraw', { applicationId, confirmed: true });

    expectShownAsTyped(payload, { 'applications, filtered': filtered, team, reassign: reassigned });
  });

  it('keeps markup in names and departments from the roster to the text: no element, action or URL comes of it', async () => {
    // IT's roster is trusted more than typed text, and names are shown in TextBlocks and FactSets on many cards (so
    // Teams renders their markdown); what must hold regardless is that a name never changes what a card is.
    const cards = async (applicant: Person): Promise<Card[]> => {
      const { confirm, request, applicationId } = await apply(applicant, '窓口のオンライン化を進めたいです。');
      const detail = await click(hr, 'hr.application', { applicationId });
      const list = await click(hr, 'hr.applications', { filterState: 'submitted', filterTrack: 'any', filterDepartment: '' });
      await click(applicant, 'application.withdraw', { applicationId, confirmed: true });
      return [confirm, request, detail, list];
    };
    const plain = await cards(twin);
    const marked = await cards(markedUp);

    expect(marked.map((card) => textOf(card).includes(markedUp.name))).toEqual([false, true, true, true]);
    expect(marked.map(typesOf)).toEqual(plain.map(typesOf));
    expect(marked.flatMap(urlsOf).filter((url) => url.includes(EVIL_HOST))).toEqual([]);
  });
});

describe('in a city that certifies through a multi-rater evaluation (Moka)', () => {
  let azurite: Azurite;
  let harness: BotHarness;
  const { click } = talkingTo(() => harness);

  const roster = rosterOf();
  const hr = roster.add('真岡 人事', '主任', { roles: 'hr' });
  const candidate = roster.add('久下田 一郎', '主任');
  const executive = roster.add('根本 部長', '部長');
  const expert = roster.add('委託 専門', '委託業者');
  /** One colleague rating the candidate's leadership per payload. */
  const raters = Object.fromEntries(PAYLOAD_NAMES.map((name, i) => [name, roster.add(`荒町 ${i + 1}子`, '主事')])) as Record<PayloadName, Person>;
  let evaluationId = '';

  beforeAll(async () => {
    azurite = await startAzurite();
    harness = await startBotHarness({ connectionString: azurite.connectionString, frameworkDocument: mokaLikeDocument });
    await importRosterRows(harness, roster.rows);
    await meet(harness, [hr, candidate, executive, expert, ...Object.values(raters)]);
    const form = {
      candidateEmail: candidate.email,
      tier: 'expert',
      raters_policy: executive.email,
      raters_leadership: Object.values(raters).map((r) => r.email).join('\n'),
      raters_technical: expert.email,
    };
    const start = buttonData(await click(hr, 'hr.evaluation.review', form), 'hr.evaluation.start');
    expect(textOf(await click(hr, 'hr.evaluation.start', start))).toContain('評価を始めました');
    evaluationId = start.draftId as string;
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
    await azurite?.stop();
  });

  it.each(PAYLOAD_NAMES)("shows a rater's comment with %s as typed, to the rater and on HR's status card", async (name) => {
    const payload = PAYLOADS[name];
    const comment = `チームをよくまとめています。${payload}`;
    const thanks = await click(raters[name], 'evaluation.rate', { evaluationId, viewpoint: 'leadership', rating: '3', ratingComment: comment });
    expect(textOf(thanks)).toContain('評価を受け付けました');
    const own = await click(raters[name], 'evaluation.open', { evaluationId, viewpoint: 'leadership' });
    const status = await click(hr, 'hr.evaluation.status', { evaluationId });

    expect(textOf(status)).toContain(comment);
    expectShownAsTyped(payload, { "the rater's card, again": own, "HR's status": status });
  });

  it.each(PAYLOAD_NAMES)('echoes e-mails HR typed with %s as typed on the review and the form', async (name) => {
    const payload = PAYLOADS[name];
    const typed = { candidateEmail: payload, tier: 'expert', raters_policy: payload, raters_leadership: candidate.email, raters_technical: expert.email };
    const review = await click(hr, 'hr.evaluation.review', typed);
    const corrected = await click(hr, 'hr.evaluation.new', buttonData(review, 'hr.evaluation.new'));
    // The review reads e-mails lower-cased, and the raters' field split at commas and spaces.
    const echoes = [payload.toLowerCase(), ...emailsIn(payload)];

    for (const echo of echoes) expectShownAsTyped(echo, { [`review: ${echo}`]: review });
    expectShownAsTyped(payload, { 'form, again': corrected });
  });
});
