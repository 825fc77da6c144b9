import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../support/chromium';

// Every screenshot the end-to-end tests take shows Japanese cards, their tiers with medals. Without a Japanese font (or an
// emoji font), Chromium draws each such character as the same empty box and nothing else notices: two different
// characters then look identical.

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
});
afterAll(async () => {
  await browser?.close();
});

/** How many different pictures Chromium draws for these characters: as many as there are, unless some are empty boxes. */
async function distinctPictures(characters: readonly string[]): Promise<number> {
  const page = await browser.newPage();
  await page.setContent(
    '<body style="font-family: sans-serif; font-size: 48px">' + characters.map((c, n) => `<span id="c${n}">${c}</span>`).join('') + '</body>',
  );
  const pictures = await Promise.all(characters.map((_, n) => page.locator(`#c${n}`).screenshot()));
  await page.close();
  return new Set(pictures.map((png) => png.toString('base64'))).size;
}

it('draws Japanese characters as themselves, not as empty boxes (a Japanese font is installed)', async () => {
  expect({ characters: 4, distinctPictures: await distinctPictures(['北', '九', 'ナ', 'ビ']) }).toEqual({ characters: 4, distinctPictures: 4 });
});

it('draws the tiers\' medals as themselves, not as empty boxes (an emoji font is installed)', async () => {
  expect({ medals: 3, distinctPictures: await distinctPictures(['🥇', '🥈', '🥉']) }).toEqual({ medals: 3, distinctPictures: 3 });
});
