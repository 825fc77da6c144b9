import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../support/chromium';

// Every screenshot the end-to-end tests take shows Japanese cards. Without a Japanese font, Chromium draws each
// Japanese character as the same empty box and nothing else notices: two different characters then look identical.

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
});
afterAll(async () => {
  await browser?.close();
});

it('draws Japanese characters as themselves, not as empty boxes (a Japanese font is installed)', async () => {
  const page = await browser.newPage();
  await page.setContent(
    '<body style="font-family: sans-serif; font-size: 48px">' +
      ['北', '九', 'ナ', 'ビ'].map((c, n) => `<span id="c${n}">${c}</span>`).join('') +
      '</body>',
  );
  const pictures = await Promise.all([0, 1, 2, 3].map((n) => page.locator(`#c${n}`).screenshot()));
  const distinct = new Set(pictures.map((png) => png.toString('base64')));
  expect({ characters: 4, distinctPictures: distinct.size }).toEqual({ characters: 4, distinctPictures: 4 });
});
