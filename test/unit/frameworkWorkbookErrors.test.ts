import type ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { programKinds, type FrameworkDocument } from '../../src/domain/framework/schema';
import type { Locale } from '../../src/i18n';
import { validateWorkbook } from '../../src/importing/workbook/importWorkbook';
import { frameworkWorkbook } from '../../src/importing/workbook/writeWorkbook';

// Mistakes an HR officer makes in the Kitakyushu workbook, each named by sheet, row and column in Japanese and English.

const kitakyushu = JSON.parse(readFileSync(path.join(__dirname, '../../data/frameworks/kitakyushu.json'), 'utf8')) as FrameworkDocument;
/** The row of the 推奨スキル sheet that holds a recommended skill (groups in order, a header row above). */
const recommendedRow = (id: string): number => kitakyushu.recommendedSkillGroups.flatMap((g) => g.skills).findIndex((s) => s.id === id) + 2;
const REC08 = recommendedRow('rec08');

interface Said {
  where: string;
  message: string;
}
interface Mistake {
  name: string;
  make: (workbook: ExcelJS.Workbook) => void;
  ja: Said[];
  en: Said[];
}

const sheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => workbook.getWorksheet(name)!;

const MISTAKES: Mistake[] = [
  {
    name: 'a level written as text',
    make: (wb) => (sheet(wb, '必須スキル').getCell('C2').value = 'Lv.3'),
    ja: [{ where: 'シート「必須スキル」2行目 C列（レベル）', message: '「Lv.3」は数値ではありません。半角の整数を入力してください。' }],
    en: [{ where: 'sheet "必須スキル", row 2, column C (レベル)', message: '"Lv.3" is not a number; write a whole number' }],
  },
  {
    name: 'a program kind the drop-down does not offer',
    make: (wb) => (sheet(wb, '研修・施策').getCell('C2').value = 'seminar'),
    ja: [{ where: 'シート「研修・施策」2行目 C列（種類）', message: `「seminar」は選べる値にありません。ドロップダウンから選んでください（${programKinds.join(', ')}）。` }],
    en: [{ where: 'sheet "研修・施策", row 2, column C (種類)', message: `"seminar" is not one of the choices; pick one from the drop-down (${programKinds.join(', ')})` }],
  },
  {
    name: 'a tier that is not on the tier sheet',
    make: (wb) => (sheet(wb, 'レベル').getCell('C2').value = 'platinum'),
    ja: [{ where: 'シート「レベル」2行目 C列（区分）', message: '「platinum」は「区分」シートのIDにありません。ドロップダウンから選んでください。' }],
    en: [{ where: 'sheet "レベル", row 2, column C (区分)', message: '"platinum" is not in the ID column of the 区分 sheet; pick one from the drop-down' }],
  },
  {
    name: 'one id on two rows',
    make: (wb) => (sheet(wb, '必須スキル').getCell('A3').value = 'rs01'),
    ja: [{ where: 'シート「必須スキル」3行目 A列（ID）', message: 'ID「rs01」が2回使われています。IDは重ならないようにしてください。' }],
    en: [{ where: 'sheet "必須スキル", row 3, column A (ID)', message: 'id "rs01" is used twice; ids must not repeat' }],
  },
  {
    name: 'one recommended skill id in two groups',
    make: (wb) => (sheet(wb, '推奨スキル').getCell(`B${REC08}`).value = 'rec01'),
    ja: [{ where: `シート「推奨スキル」${REC08}行目 B列（ID）`, message: 'ID「rec01」が2回使われています。IDは重ならないようにしてください。' }],
    en: [{ where: `sheet "推奨スキル", row ${REC08}, column B (ID)`, message: 'id "rec01" is used twice; ids must not repeat' }],
  },
  {
    name: "a skill's name left empty",
    make: (wb) => (sheet(wb, '必須スキル').getCell('B2').value = null),
    ja: [{ where: 'シート「必須スキル」2行目 B列（名称）', message: '入力してください。' }],
    en: [{ where: 'sheet "必須スキル", row 2, column B (名称)', message: 'required' }],
  },
  {
    name: 'an id in Japanese',
    make: (wb) => (sheet(wb, '研修・施策').getCell('A2').value = 'DXアカデミー'),
    ja: [{ where: 'シート「研修・施策」2行目 A列（ID）', message: 'IDは半角の英小文字・数字・「-」だけで1〜64文字にしてください（先頭は英小文字か数字。日本語は名称に書きます）。' }],
    en: [{ where: 'sheet "研修・施策", row 2, column A (ID)', message: 'an id is lower-case letters, digits and "-" only, 1–64 characters, starting with a letter or digit (Japanese goes in the name)' }],
  },
  {
    name: 'a highlight the role does not say',
    make: (wb) => (sheet(wb, '役割').getCell('D3').value = '担当業務の課題\n存在しない語句'),
    ja: [{ where: 'シート「役割」3行目 D列（強調する語句）', message: '強調する語句「存在しない語句」が役割の文中にありません。文中の語句をそのまま書いてください。' }],
    en: [{ where: 'sheet "役割", row 3, column D (強調する語句)', message: `"存在しない語句" does not occur in the role's text; copy the phrase as the text has it` }],
  },
  {
    name: 'a role row deleted',
    make: (wb) => sheet(wb, '役割').spliceRows(3, 1),
    ja: [{ where: 'シート「役割」', message: 'このレベルとカテゴリの役割がありません。レベル×カテゴリごとに1行ずつ必要です。' }],
    en: [{ where: 'sheet "役割"', message: 'no role for this level and category; every level × category needs one row' }],
  },
  {
    name: 'a yes/no answered otherwise',
    make: (wb) => (sheet(wb, 'ルール').getCell('B2').value = 'たぶん'),
    ja: [{ where: 'シート「ルール」2行目 B列（レベルを認定する）', message: '「たぶん」ではなく「はい」か「いいえ」を選んでください。' }],
    en: [{ where: 'sheet "ルール", row 2, column B (レベルを認定する)', message: '"たぶん": choose はい (yes) or いいえ (no)' }],
  },
  {
    name: 'a sheet deleted',
    make: (wb) => wb.removeWorksheet(sheet(wb, 'レベル').id),
    ja: [{ where: 'シート「レベル」', message: 'シートがありません。テンプレートのシートは消さず、名前も変えないでください。' }],
    en: [{ where: 'sheet "レベル"', message: 'the sheet is missing; keep every sheet of the template, under its name' }],
  },
  {
    name: 'a header renamed',
    make: (wb) => (sheet(wb, '必須スキル').getCell('E1').value = '定義文'),
    ja: [
      { where: 'シート「必須スキル」1行目 E列（定義文）', message: '見出し「定義文」はこのシートの列ではありません。使える見出し: ID、名称、レベル、カテゴリ、定義、活用例、出所、別名・キーワード' },
      { where: 'シート「必須スキル」', message: '列「定義」がありません。見出しの行（1行目）は変えないでください。' },
    ],
    en: [
      { where: 'sheet "必須スキル", row 1, column E (定義文)', message: '"定義文" is not a column of this sheet; its columns are: ID、名称、レベル、カテゴリ、定義、活用例、出所、別名・キーワード' },
      { where: 'sheet "必須スキル"', message: 'the column "定義" is missing; leave the header row (row 1) as it is' },
    ],
  },
];

async function mistaken(mistake: Mistake): Promise<Uint8Array> {
  const workbook = frameworkWorkbook(kitakyushu);
  mistake.make(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('a framework workbook with a mistake', () => {
  it.each(MISTAKES.flatMap((m) => (['ja', 'en'] as Locale[]).map((locale) => [m.name, locale, m] as const)))(
    '%s is named where it is, by sheet, row and column (%s)',
    async (_name, locale, mistake) => {
      const validated = await validateWorkbook(await mistaken(mistake), locale);
      expect(validated.ok).toBe(false);
      const said = validated.ok ? [] : validated.issues.map(({ where, message }) => ({ where, message }));
      expect(said).toEqual(mistake[locale]);
    },
  );

  it('is told it is not a workbook when it is some other file', async () => {
    const validated = await validateWorkbook(new TextEncoder().encode('{"id": "x"}'), 'ja');
    expect(validated.ok ? [] : validated.issues.map((i) => i.where)).toEqual(['ブック全体']);
    expect(validated.ok ? '' : validated.issues[0]!.message).toMatch(/^Excel ブック（\.xlsx）として読めません/);
  });
});
