import type ExcelJS from 'exceljs';
import { SHEETS } from './sheets';

export const GUIDE_SHEET = '記入のしかた';

/** The steps from an empty workbook to the bot carrying it, in the words of the officer who fills it in. */
const STEPS: readonly string[] = [
  'このブックに、市の「DX人材の育成方針（フレームワーク）」を書き込みます。DX Navi は、ここに書いた言葉をそのまま職員に見せます。文書の言葉のとおりに書いてください。',
  '1. 各シートの1行目の見出しにマウスを合わせると、その列に何を書くかの説明（メモ）が出ます。',
  '2. 1行に1つずつ書きます。途中の空いた行は読み飛ばします。行の順番は、職員に見せる順番です。',
  '3. ▼の出るセル（区分・レベル・カテゴリ・種類など）は、ドロップダウンから選びます。先に「区分」「レベル」「カテゴリ」「推奨スキルの分野」のシートを書くと、選べるようになります。',
  '4. 「ID」は、ほかのシートから参照するための名札です。半角の英小文字・数字・「-」で書きます（例: gold、rs01）。日本語は「名称」に書きます。',
  '5. 1つのセルに複数書く列（別名・キーワード、対象の区分など）は、セルの中で改行して1行に1つ書きます（Excel では Alt+Enter）。',
  '6. シートの名前と1行目の見出しは変えないでください。使わないシートは、見出しだけ残して空のままにします。',
  '7. 書けたら、担当者に次のコマンドで確かめてもらいます。何も書き換えずに、誤りをシート・行・列ごとに示します。',
  '      npm run framework:import -- --file このファイル.xlsx --dry-run',
  '8. 誤りがなくなったら、--dry-run を付けずに取り込みます。取り込みは全部か無しかで、誤りのあるブックは何も変えません。',
  '9. 今使われている内容は npm run framework:export -- --out 今の内容.xlsx で、このブックの形で取り出せます。直して、また取り込めます。',
];

/** The first sheet: how to fill the workbook in, then what each sheet holds. */
export function addGuideSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.columns = [{ width: 22 }, { width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  const title = sheet.addRow(['DX人材フレームワーク 記入ブック']);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  // Column B, not merged cells: Excel fits a row's height to wrapped text only outside merged cells.
  for (const step of STEPS) sheet.addRow(['', step]);
  sheet.addRow([]);
  sheet.addRow(['シート', '書くこと']).font = { bold: true };
  for (const part of SHEETS) sheet.addRow([part.name, part.about]);
}
