import type { Locator } from 'playwright-core';
import type { Assessment } from '../../src/domain/assessment/assessment';
import { kitakyushuText } from '../support/botHarness';
import { expectCardScreenshot, playgroundSessionForThisFile, t } from './playgroundSession';

// The self-assessment in the real Agents Playground, as a person takes it: a whole one, counting the clicks it
// takes; then going back, leaving and coming back, and stopping. Every step's card is photographed.

interface FrameworkFile {
  levels: { level: number; title: string }[];
  categories: { id: string; name: string }[];
  roles: { level: number; category: string; text: string }[];
  requiredSkills: { id: string; name: string; level: number }[];
}
const framework = JSON.parse(kitakyushuText()) as FrameworkFile;

/** The role level chosen in every category; the skills steps then run up to one level above it. */
const ROLE_LEVEL = 2;
const SKILL_LEVELS = [1, 2, 3];
/**
 * Every skill is rated 実践できる but six of Lv.1 and one of Lv.2, rated 知っている: the skill level stays below
 * Lv.1, and the result lists seven skills, the six of Lv.1 open and the one of Lv.2 a click away.
 */
const RATING = '実践できる';
const WEAK_RATING = '知っている';
const WEAK_AT: Readonly<Record<number, number>> = { 1: 6, 2: 1 };

const titleOf = (level: number): string => framework.levels.find((l) => l.level === level)!.title;
const skillsAt = (level: number): FrameworkFile['requiredSkills'] => framework.requiredSkills.filter((s) => s.level === level);

const session = playgroundSessionForThisFile();

/** The demo employee's assessments, newest first. */
async function mine(): Promise<Assessment[]> {
  const { harness, cast } = session;
  return (await harness.bot.repositories.assessments.listRecent(cast.employee.aadObjectId, 20)).map((s) => s.assessment);
}

test('a whole self-assessment takes one click per answer, from 診断 through roles, skills and target to the result', async () => {
  const before = new Set((await mine()).map((a) => a.id));
  // Every click the assessment needs goes through here; reading a role in full is a choice, not counted.
  let clicks = 0;
  const click = async (button: Locator): Promise<void> => {
    await button.click();
    clicks += 1;
  };

  await session.send('診断');
  const intro = await session.latestCardShowing(t('assessment.title'));
  await expectCardScreenshot(session, intro, 'assessment-0-intro.png');
  // From here on every click answers with a card that replaces this one in place.
  const cards = await session.cardCount();
  await click(intro.getByRole('button', { name: t('assessment.start'), exact: true }));

  for (const [i, category] of framework.categories.entries()) {
    const card = await session.latestCardShowing(t('assessment.role.heading', { category: category.name }));
    const option = levelOption(card, ROLE_LEVEL);
    // What changes from the level below is on the card; the whole role is one click away.
    await session.waitFor(option.getByText(t('assessment.role.changes', { level: ROLE_LEVEL - 1 }), { exact: true }), 'what changes from Lv.1');
    if (i === 0) {
      const roleText = framework.roles.find((r) => r.level === ROLE_LEVEL && r.category === category.id)!.text;
      expect(await card.innerText()).not.toContain(roleText);
      await option.getByRole('button', { name: t('assessment.role.read'), exact: true }).click();
      await session.waitFor(option.getByText(roleText, { exact: true }), `the whole role text of Lv.${ROLE_LEVEL} ${category.name}`);
    }
    await expectCardScreenshot(session, card, `assessment-1-role-${i + 1}-${category.id}.png`);
    await click(option.getByRole('button', { name: t('assessment.role.choose'), exact: true }));
  }

  const weakSkills: string[] = [];
  for (const level of SKILL_LEVELS) {
    const skills = skillsAt(level);
    const card = await session.latestCardShowing(t('assessment.skills.heading', { level, count: skills.length }));
    // Each skill's choices are radio buttons, all in view: one click answers it.
    const groups = card.getByRole('radiogroup');
    expect(await groups.count()).toBe(skills.length);
    for (const [k, skill] of skills.entries()) {
      const group = groups.nth(k);
      const rating = k < (WEAK_AT[level] ?? 0) ? WEAK_RATING : RATING;
      if (rating === WEAK_RATING) weakSkills.push(skill.name);
      const choice = group.getByRole('radio', { name: rating, exact: true });
      await click(choice);
      expect(await choice.isChecked()).toBe(true);
    }
    await expectCardScreenshot(session, card, `assessment-2-skills-lv${level}.png`);
    await click(card.getByRole('button', { name: t('assessment.skills.next'), exact: true }));
  }

  const suggested = ROLE_LEVEL + 1;
  const target = await session.latestCardShowing(t('assessment.target.heading'));
  const suggestedChoice = target.getByRole('radio', { name: `Lv.${suggested} ${titleOf(suggested)}`, exact: true });
  await session.waitFor(suggestedChoice, `the suggested target Lv.${suggested}`);
  expect(await suggestedChoice.isChecked()).toBe(true);
  await expectCardScreenshot(session, target, 'assessment-3-target.png');
  await click(target.getByRole('button', { name: t('assessment.target.submit'), exact: true }));

  const result = await session.latestCardShowing(t('assessment.result.title'));
  for (const line of [
    t('assessment.result.roleLevel', { level: ROLE_LEVEL }),
    t('assessment.result.skillLevelNone'),
    t('assessment.result.nextStep', { level: 1, skill: weakSkills[0]! }),
    t('assessment.result.notCertified'),
  ]) {
    await session.waitFor(result.getByText(line, { exact: true }), `"${line}" on the result card`);
  }
  expect(t('assessment.result.skillLevelNone')).toBe('Lv.1の必須スキルがまだそろっていません');
  // The Playground draws the stacked chart (a bar per category, titled "<category>：Lv.<level>"); a client that
  // cannot shows the fallback rows, where the category names are plain text.
  for (const category of framework.categories) {
    const bar = result.getByText(`${category.name}：Lv.${ROLE_LEVEL}`, { exact: true });
    await session.waitFor(bar.or(result.getByText(category.name, { exact: true })), `${category.name} in the chart of role positions`);
  }
  // Every missing skill is listed: Lv.1's open, Lv.2's behind its heading.
  const [lastWeak] = weakSkills.slice(-1);
  const lastWeakItem = result.getByText(`・${lastWeak!}`, { exact: false });
  for (const name of weakSkills.slice(0, -1)) await session.waitFor(result.getByText(`・${name}`, { exact: false }), `${name} listed on the result`);
  expect(await lastWeakItem.isVisible()).toBe(false);
  // The pointer rests where 結果を見る was, over the chart now: moved away, no tooltip covers the photo.
  await session.page.mouse.move(0, 0);
  await expectCardScreenshot(session, result, 'assessment-4-result.png');
  await result.getByText(`▸ ${t('assessment.result.gapLevel', { level: 2, count: 1 })}`, { exact: true }).click();
  await session.waitFor(lastWeakItem, `${lastWeak!} shown once its level is opened`);
  expect(await session.cardCount()).toBe(cards);

  // Start, a choice per category, a choice per skill and "next" per level, then the target's suggestion confirmed.
  const ratings = SKILL_LEVELS.reduce((sum, level) => sum + skillsAt(level).length, 0);
  expect(clicks).toBe(1 + framework.categories.length + ratings + SKILL_LEVELS.length + 1);
  expect(clicks).toBe(30);

  const completed = (await mine()).filter((a) => !before.has(a.id) && a.status === 'completed');
  expect(completed).toHaveLength(1);
  expect(completed[0]).toMatchObject({ target: suggested, result: { overallRoleLevel: ROLE_LEVEL, skillLevel: 0 } });
  expect(completed[0]!.rolePositions).toEqual(Object.fromEntries(framework.categories.map((c) => [c.id, ROLE_LEVEL])));
});

test('前へ shows the answer given, あとで続ける says it is saved, and stopping offers 続ける next to やめる', async () => {
  const heading = (i: number): string => t('assessment.role.heading', { category: framework.categories[i]!.name });
  await session.send('診断');
  await session.clickOnLatestCard(t('assessment.start'));
  let card = await session.latestCardShowing(heading(0));
  await levelOption(card, 3).getByRole('button', { name: t('assessment.role.choose'), exact: true }).click();
  card = await session.latestCardShowing(heading(1));

  // Back to the first category: the level chosen is marked, and choosing another moves on again.
  await session.clickOnLatestCard(t('assessment.back'));
  card = await session.latestCardShowing(heading(0));
  await session.waitFor(levelOption(card, 3).getByText(t('assessment.role.chosen'), { exact: true }), 'the level chosen before');
  await expectCardScreenshot(session, card, 'assessment-5-back.png');
  await levelOption(card, 2).getByRole('button', { name: t('assessment.role.choose'), exact: true }).click();
  await session.latestCardShowing(heading(1));
  const [current] = await mine();
  expect(current).toMatchObject({ status: 'inProgress', rolePositions: { mission: 2 } });

  // Later: the card says the answers are saved, and the way back leads to the same question.
  await session.clickOnLatestCard(t('assessment.later'));
  const saved = await session.latestCardShowing(t('assessment.saved.title'));
  const savedBody = t('assessment.saved.body', { done: 1, total: 9, menu: t('menu.assessment') });
  await session.waitFor(saved.getByText(savedBody, { exact: true }), 'that the answers are saved');
  await expectCardScreenshot(session, saved, 'assessment-6-later.png');
  await session.clickOnLatestCard(t('assessment.continue'));
  await session.latestCardShowing(heading(1));

  // Stopping asks first, with 続ける next to やめる: 続ける goes back to the question, nothing lost.
  await session.clickOnLatestCard(t('assessment.cancel'));
  const question = await session.latestCardShowing(t('assessment.cancelQuestion'));
  for (const name of [t('assessment.confirmStop'), t('assessment.keepGoing')]) {
    await session.waitFor(question.getByRole('button', { name, exact: true }), `"${name}" on the question`);
  }
  await expectCardScreenshot(session, question, 'assessment-7-stop.png');
  await session.clickOnLatestCard(t('assessment.keepGoing'));
  await session.latestCardShowing(heading(1));
  expect((await mine())[0]).toEqual(current);

  await session.clickOnLatestCard(t('assessment.cancel'));
  await session.latestCardShowing(t('assessment.cancelQuestion'));
  await session.clickOnLatestCard(t('assessment.confirmStop'));
  await session.latestCardShowing(t('assessment.cancelled'));
  expect((await mine())[0]).toMatchObject({ id: current!.id, status: 'cancelled' });
});

/**
 * One level's block on a role card: the innermost container holding its heading. Containers nest, and an outer
 * one comes before the inner ones in the page, so the last match is the block itself.
 */
function levelOption(card: Locator, level: number): Locator {
  return card
    .locator('.ac-container')
    .filter({ has: card.page().getByText(`Lv.${level} ${titleOf(level)}`, { exact: true }) })
    .last();
}
