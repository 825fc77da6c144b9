import type { Locator } from 'playwright-core';
import type { Assessment } from '../../src/domain/assessment/assessment';
import { kitakyushuText } from '../support/botHarness';
import { playgroundSessionForThisFile, t } from './playgroundSession';

// A whole self-assessment in the real Agents Playground, as a person takes it: roles, skills, target, result.

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
/** Every skill is rated 実践できる, except one Lv.2 skill: 知っている, which makes it the only gap. */
const RATING = '実践できる';
const WEAK_RATING = '知っている';

const titleOf = (level: number): string => framework.levels.find((l) => l.level === level)!.title;

const session = playgroundSessionForThisFile();

test('a self-assessment from 診断 through roles, skills and target to a result, saved for the demo employee', async () => {
  const { page, harness, cast } = session;
  const mine = async (): Promise<Assessment[]> =>
    (await harness.bot.repositories.assessments.listRecent(cast.employee.aadObjectId, 20)).map((s) => s.assessment);
  const before = new Set((await mine()).map((a) => a.id));
  await session.send('診断');
  await session.latestCardShowing(t('assessment.title'));
  // From here on every click answers with a card that replaces this one in place.
  const cards = await session.cardCount();
  await session.clickOnLatestCard(t('assessment.start'));

  for (const [i, category] of framework.categories.entries()) {
    const card = await session.latestCardShowing(t('assessment.role.heading', { category: category.name }));
    const option = levelOption(card, ROLE_LEVEL);
    if (i === 0) {
      // The full role text is one tap away: hidden at first, shown by 役割を読む.
      const roleText = framework.roles.find((r) => r.level === ROLE_LEVEL && r.category === category.id)!.text;
      expect(await card.innerText()).not.toContain(roleText);
      await option.getByRole('button', { name: t('assessment.role.read'), exact: true }).click();
      await session.waitFor(option.getByText(roleText, { exact: true }), `the full role text of Lv.${ROLE_LEVEL} ${category.name}`);
    }
    await option.getByRole('button', { name: t('assessment.role.choose'), exact: true }).click();
  }

  let weakSkill = '';
  for (const level of SKILL_LEVELS) {
    const count = framework.requiredSkills.filter((s) => s.level === level).length;
    const card = await session.latestCardShowing(t('assessment.skills.heading', { level, count }));
    // A compact Input.ChoiceSet is a Fluent UI combobox here: click it, then pick from its list (rendered outside the card).
    const boxes = card.getByRole('combobox');
    expect(await boxes.count()).toBe(count);
    for (let k = 0; k < count; k++) {
      const box = boxes.nth(k);
      const rating = level === ROLE_LEVEL && k === 0 ? WEAK_RATING : RATING;
      if (rating === WEAK_RATING) weakSkill = await labelOf(card, box);
      await box.click();
      await page.getByRole('option', { name: rating, exact: true }).click();
      expect(await box.inputValue()).toBe(rating);
    }
    await session.clickOnLatestCard(t('assessment.skills.next'));
  }

  const suggested = ROLE_LEVEL + 1;
  const target = await session.latestCardShowing(t('assessment.target.heading'));
  const suggestedChoice = target.getByRole('radio', { name: `Lv.${suggested} ${titleOf(suggested)}`, exact: true });
  await session.waitFor(suggestedChoice, `the suggested target Lv.${suggested}`);
  expect(await suggestedChoice.isChecked()).toBe(true);
  await session.clickOnLatestCard(t('assessment.target.submit'));

  const result = await session.latestCardShowing(t('assessment.result.title'));
  for (const line of [
    t('assessment.result.roleLevel', { level: ROLE_LEVEL }),
    t('assessment.result.nextStep', { level: ROLE_LEVEL, skill: weakSkill }),
    t('assessment.result.notCertified'),
  ]) {
    await session.waitFor(result.getByText(line, { exact: true }), `"${line}" on the result card`);
  }
  expect(t('assessment.result.notCertified')).toContain('レベルそのものの認定は行いません');
  // The Playground draws the stacked chart (a bar per category, titled "<category>：Lv.<level>"); a client that
  // cannot shows the fallback rows, where the category names are plain text.
  for (const category of framework.categories) {
    const bar = result.getByText(`${category.name}：Lv.${ROLE_LEVEL}`, { exact: true });
    await session.waitFor(bar.or(result.getByText(category.name, { exact: true })), `${category.name} in the chart of role positions`);
  }
  expect(await session.cardCount()).toBe(cards);
  const png = await session.screenshot(result, 'assessment-result.png');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // The whole result card, not a clipped corner of it: the IHDR height is the card's height in pixels.
  expect(png.readUInt32BE(20)).toBeGreaterThan(400);

  const completed = (await mine()).filter((a) => !before.has(a.id) && a.status === 'completed');
  expect(completed).toHaveLength(1);
  expect(completed[0]).toMatchObject({ target: suggested, result: { overallRoleLevel: ROLE_LEVEL, skillLevel: 1 } });
  expect(completed[0]!.rolePositions).toEqual(Object.fromEntries(framework.categories.map((c) => [c.id, ROLE_LEVEL])));
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

/** The label a person reads above a dropdown (its required mark left out). */
async function labelOf(card: Locator, box: Locator): Promise<string> {
  const id = await box.getAttribute('id');
  const label = await card.locator(`label[for="${id}"]`).innerText();
  return label.replace(/\s*\*\s*$/, '').trim();
}
