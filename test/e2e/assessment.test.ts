import { writeFileSync } from 'node:fs';
import { SESSION_START_TIMEOUT_MS, startPlaygroundSession, t, type PlaygroundSession } from './playgroundSession';

let session: PlaygroundSession;
beforeAll(async () => {
  session = await startPlaygroundSession();
}, SESSION_START_TIMEOUT_MS);
afterAll(async () => {
  await session?.stop();
});

test('explore', async () => {
  await session.send('診断');
  await session.latestCardShowing(t('assessment.title'));
  await session.clickOnLatestCard(t('assessment.start'));
  await session.latestCardShowing('ステップ 1/9');
  writeFileSync('/tmp/role.html', await session.latestCard().evaluate((e) => e.outerHTML));
  for (let i = 0; i < 5; i++) {
    await session.latestCardShowing(`ステップ ${i + 1}/9`);
    await session.latestCard().getByRole('button', { name: 'これに近い' }).nth(3).click();
  }
  await session.latestCardShowing('ステップ 6/9');
  writeFileSync('/tmp/skills.html', await session.latestCard().evaluate((e) => e.outerHTML));
  await session.page.screenshot({ path: '/tmp/skills.png', fullPage: true });
});
