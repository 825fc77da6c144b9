import type { Locator } from 'playwright-core';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { kitakyushuText } from '../support/botHarness';
import {
  expectCardScreenshot,
  openApplications,
  playgroundSessionsForThisFile,
  pngSize,
  t,
  type PageElement,
} from './playgroundSession';

// HR's recruitment notice in the real Agents Playground, as two people in two Playgrounds in front of one bot: the
// HR officer writes, previews and sends it to everyone; the progress card she confirmed on turns into the report by
// itself; the employee, who has opened the bot before, gets the notice and applies from it. Then, with only Silver
// open, the composer starts from Silver alone, and a Gold button HR adds is flagged and cannot be sent.

const framework = JSON.parse(kitakyushuText()) as { tiers: { id: string; name: string }[] };
const goldName = framework.tiers.find((tier) => tier.id === 'gold')!.name;
const DAY = 24 * 60 * 60 * 1000;
/** Where `recordShown` keeps its record, on the card element itself. */
const SHOWN_ATTRIBUTE = 'data-e2e-shown';

// Both have opened the bot before the broadcast, so both are reachable: the rest of the roster is not.
const sessions = playgroundSessionsForThisFile({ roles: ['hr', 'employee'], prepare: openApplications });

test('HR previews the notice, sends it to everyone, watches her card turn into the report, and the employee applies from it', async () => {
  const { hr, employee } = sessions;
  const { harness, cast } = hr;
  const everyone = cast.everyone.length;
  const reachable = [hr.user, employee.user];
  const employeeCards = await employee.cardCount();

  // HR: お知らせ配信 → a new notice, pre-filled from the open windows → プレビュー.
  await hr.send('お知らせ配信');
  await hr.latestCardShowing(t('broadcast.list.hint'));
  await hr.clickOnLatestCard(t('broadcast.list.new'));
  await hr.latestCardShowing(t('broadcast.compose.title'));
  await hr.clickOnLatestCard(t('broadcast.compose.preview'));

  // The preview is a message of its own, the very card recipients get, and the way on comes below it, the newest.
  const controls = await hr.latestCardShowing(t('broadcast.preview.title'));
  const [draft] = await harness.bot.repositories.broadcasts.listRecent(harness.frameworkId, 1);
  expect(draft).toMatchObject({ state: 'draft', notice: { apply: [{ track: 'gold' }, { track: 'silver' }] } });
  const { id, notice } = draft!;
  const preview = await hr.cardShowing(t('broadcast.template.how'));
  await hr.waitFor(preview.getByText(notice.title, { exact: true }), 'the title on the preview');
  for (const line of notice.body.split('\n').filter((l) => l.trim() !== '')) {
    await hr.waitFor(preview.getByText(line, { exact: true }), `the body line "${line}" on the preview`);
  }
  for (const { label } of notice.apply) {
    await hr.waitFor(preview.getByRole('button', { name: label, exact: true }), `the "${label}" button on the preview`);
  }
  expect(await controls.getByText(t('broadcast.refusedButtons.heading'), { exact: true }).count()).toBe(0);
  const previewText = await preview.innerText();
  const previewPng = await expectCardScreenshot(hr, preview, 'broadcast-preview.png');

  // Everyone → the review counts the whole roster, and says how many cannot be reached (no app) → 送信する.
  await controls.getByRole('button', { name: t('broadcast.preview.audience'), exact: true }).click();
  const audience = await hr.cardShowing(t('broadcast.audience.next'));
  const everyoneChoice = audience.getByRole('radio', { name: t('broadcast.audience.everyone'), exact: true });
  await everyoneChoice.check();
  await audience.getByRole('button', { name: t('broadcast.audience.next'), exact: true }).click();
  const review = await hr.cardShowing(t('broadcast.review.title'));
  const unreachable = t('broadcast.review.unreachableValue', { count: people(everyone - reachable.length) });
  for (const text of [t('broadcast.describe.everyone'), people(everyone), unreachable, t('broadcast.review.now')]) {
    await hr.waitFor(review.getByText(text, { exact: true }), `"${text}" on the review card`);
  }
  const hrCards = await hr.cardCount();
  const progress = await hr.pin(review);
  const scheduled = t('broadcast.state.scheduled');
  const sending = t('broadcast.state.sending');
  const completed = t('broadcast.state.completed');
  const statesShown = await recordShown(progress, [scheduled, sending, completed]);
  await progress.getByRole('button', { name: t('broadcast.review.send'), exact: true }).click();

  // The card she clicked is the progress card (the click's answer: waiting to send), and becomes the report in place
  // with nobody clicking: the sender's PUT. Her own copy of the notice (she is on the roster too) is the only new
  // message in her chat.
  await hr.waitFor(progress.getByText(completed, { exact: true }), `"${completed}" on the card she confirmed on`);
  const shown = await statesShown();
  expect([scheduled, sending]).toContain(shown[0]);
  expect(shown.at(-1)).toBe(completed);
  const notInstalled = t('broadcast.status.reasonLine', {
    reason: t('broadcast.reason.notInstalled'),
    count: people(everyone - reachable.length),
  });
  await hr.waitFor(progress.getByText(notInstalled, { exact: true }), `"${notInstalled}" on the report`);
  await hr.waitFor(progress.getByRole('button', { name: t('broadcast.status.export'), exact: true }), 'the CSV button on the report');
  expect(await hr.cardCount()).toBe(hrCards + 1);
  expect(await hr.latestCard().innerText()).toBe(previewText);
  await expectCardScreenshot(hr, progress, 'broadcast-report.png');
  expect(await harness.bot.repositories.broadcasts.find(harness.frameworkId, id)).toMatchObject({
    state: 'completed',
    progress: { total: everyone, sent: reachable.length, unreachable: everyone - reachable.length, failed: 0, pending: 0 },
  });

  // The results as CSV: the report stays, saying the file is being prepared, and the export's own card comes below,
  // turning into a one-time download button once the file is whole (locally; Teams hands the file to OneDrive).
  await progress.getByRole('button', { name: t('broadcast.status.export'), exact: true }).click();
  const what = t('export.what.broadcastReport');
  await hr.waitFor(progress.getByText(t('export.started', { what }), { exact: true }), 'the report saying the CSV is being prepared');
  await hr.cardShowing(t('export.progress.title', { what }));
  const ready = await hr.cardShowing(t('export.state.ready'));
  await hr.waitFor(ready.getByText(t('export.ready.download'), { exact: true }), 'the download button on the export card');
  await expectCardScreenshot(hr, ready, 'broadcast-report-csv.png');

  // The employee: one notice, exactly as HR previewed it; its Apply button brings the application form below it.
  const received = await employee.pin(await employee.latestCardShowing(notice.title));
  expect(await employee.cardCount()).toBe(employeeCards + 1);
  expect(await received.innerText()).toBe(previewText);
  const receivedPng = await expectCardScreenshot(employee, received, 'broadcast-notice.png');
  expect(pngSize(receivedPng)).toEqual(pngSize(previewPng));
  const apply = t('broadcast.notice.apply', { track: goldName });
  await employee.clickOnLatestCard(apply);
  const form = await employee.latestCardShowing(t('applications.form.next'));
  await employee.waitFor(form.getByRole('textbox'), 'the motivation box on the application form');
  await employee.waitFor(form.getByText(t('applications.form.title', { track: goldName }), { exact: true }), 'the form title');
  // The notice is still there, unchanged, to read again.
  expect(await employee.cardCount()).toBe(employeeCards + 2);
  expect(await received.innerText()).toBe(previewText);
});

test('in December, with only Silver open: the composer offers Silver alone, and a Gold button is flagged and cannot be sent', async () => {
  const { hr } = sessions;
  const { harness } = hr;
  const fiscalYear = fiscalYearOf(new Date());
  // Silver's window is open now; Gold's closed a while ago (last June, say).
  await openApplications(hr);
  await harness.bot.repositories.applicationWindows.save({
    frameworkId: harness.frameworkId,
    fiscalYear,
    track: 'gold',
    opensAt: new Date(Date.now() - 30 * DAY).toISOString(),
    closesAt: new Date(Date.now() - DAY).toISOString(),
  });
  const silverName = framework.tiers.find((tier) => tier.id === 'silver')!.name;

  // The composer announces Silver alone: its button ticked, Gold's offered as closed and not ticked.
  await hr.send('お知らせ配信');
  await hr.latestCardShowing(t('broadcast.list.hint'));
  await hr.clickOnLatestCard(t('broadcast.list.new'));
  const form = await hr.pin(await hr.latestCardShowing(t('broadcast.compose.title')));
  // A box's accessible name joins the choice set's label to its own, which alone is its aria-label.
  const goldBox = form.locator(`input[type="checkbox"][aria-label="${t('broadcast.compose.trackClosed', { track: goldName })}"]`);
  const silverBox = form.locator(`input[type="checkbox"][aria-label^="${silverName}（受付中："]`);
  await hr.waitFor(goldBox, 'Gold offered as closed on the composer');
  expect(await goldBox.isChecked()).toBe(false);
  expect(await silverBox.isChecked()).toBe(true);
  await expectCardScreenshot(hr, form, 'broadcast-compose-only-silver.png');

  // The preview of the notice as it starts: Silver's button only, and nothing to warn of.
  await form.getByRole('button', { name: t('broadcast.compose.preview'), exact: true }).click();
  const cleanControls = await hr.latestCardShowing(t('broadcast.preview.title'));
  const preview = await hr.cardShowing(t('broadcast.template.how'));
  await hr.waitFor(preview.getByRole('button', { name: t('broadcast.notice.apply', { track: silverName }), exact: true }), 'Silver’s button on the preview');
  expect(await preview.getByRole('button', { name: t('broadcast.notice.apply', { track: goldName }), exact: true }).count()).toBe(0);
  expect(await cleanControls.getByText(t('broadcast.refusedButtons.heading'), { exact: true }).count()).toBe(0);
  await expectCardScreenshot(hr, preview, 'broadcast-preview-only-silver.png');

  // HR ticks Gold as well on the form she still has: the way on warns that Gold's button would be refused.
  await goldBox.check();
  await form.getByRole('button', { name: t('broadcast.compose.preview'), exact: true }).click();
  const warning = await hr.latestCardShowing(t('broadcast.refusedButtons.heading'));
  await hr.waitFor(warning.getByText(t('broadcast.refusedButtons.closed', { track: goldName }), { exact: true }), 'the closed Gold button named');
  await expectCardScreenshot(hr, warning, 'broadcast-preview-warning.png');

  // Going on anyway, the review names it again and offers to edit the notice instead of sending it.
  await warning.getByRole('button', { name: t('broadcast.preview.audience'), exact: true }).click();
  const audience = await hr.latestCardShowing(t('broadcast.audience.next'));
  await audience.getByRole('button', { name: t('broadcast.audience.next'), exact: true }).click();
  const review = await hr.cardShowing(t('broadcast.review.refused'));
  await hr.waitFor(review.getByRole('button', { name: t('broadcast.preview.edit'), exact: true }), 'the way to edit on the review');
  expect(await review.getByRole('button', { name: t('broadcast.review.send'), exact: true }).count()).toBe(0);
  await expectCardScreenshot(hr, review, 'broadcast-review-refused.png');
  const [draft] = await harness.bot.repositories.broadcasts.listRecent(harness.frameworkId, 1);
  expect(draft).toMatchObject({ state: 'draft', notice: { apply: [{ track: 'gold' }, { track: 'silver' }] } });
});

/** "11人", as the cards count people. */
function people(count: number): string {
  return t('broadcast.people', { count: String(count) });
}

/**
 * Starts recording which of `texts` the card shows as it changes, in order (a MutationObserver in the page, so no
 * change is missed between two looks); the function returned reads the record.
 */
async function recordShown(card: Locator, texts: readonly string[]): Promise<() => Promise<string[]>> {
  await card.evaluate((element: PageElement, [attribute, watched]) => {
    const shown: string[] = [];
    const look = (): void => {
      const now = element.textContent ?? '';
      for (const text of watched.filter((w) => now.includes(w))) if (shown.at(-1) !== text) shown.push(text);
      element.setAttribute(attribute, JSON.stringify(shown));
    };
    // The page's, which the project's TypeScript (no DOM library) does not declare.
    const { MutationObserver } = globalThis as unknown as { MutationObserver: PageMutationObserver };
    new MutationObserver(look).observe(element, { subtree: true, childList: true, characterData: true });
  }, [SHOWN_ATTRIBUTE, texts] as const);
  return async () => JSON.parse((await card.getAttribute(SHOWN_ATTRIBUTE)) ?? '[]') as string[];
}

/** The browser's MutationObserver, as far as `recordShown` uses it. */
type PageMutationObserver = new (callback: () => void) => { observe(target: unknown, options: Record<string, boolean>): void };
