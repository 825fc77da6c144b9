import { programKinds, ruleTopics } from '../../domain/framework/schema';

/**
 * The framework workbook: which sheet holds which part of the format, and what each column means.
 * Adding a field to the format is one line here; the writer, the reader and the error messages follow.
 */

/** What a cell holds. `lines`: a list, one item per line of the cell (Alt+Enter in Excel). */
export type CellType = 'text' | 'integer' | 'boolean' | 'lines';

/** The sheets other columns pick an id from: their first column is the list. */
export type ListedSheet = 'tiers' | 'levels' | 'categories' | 'recommendedSkillGroups';

/** Where a cell's drop-down list comes from: the ids of another sheet, or fixed values. */
export type DropDown = { readonly sheet: ListedSheet } | { readonly values: readonly string[] };

export interface Column {
  /** The field's path within the item (`definition`, `contact.office`); '' when the row is the item itself. */
  readonly key: string;
  /** The Japanese header the officer sees, and the one the reader looks for. */
  readonly header: string;
  readonly type: CellType;
  /** The header's note: what to write, in plain words. */
  readonly note: string;
  readonly dropDown?: DropDown;
  /** A sheet without this column cannot be read (other columns may be left out, their fields then stay empty). */
  readonly required?: true;
}

/** A sheet with one item per row, for a list of the format (`requiredSkills`). */
export interface TableSheet {
  readonly kind: 'table';
  /** The list's path in the document; `categories[].aspects` lists sit inside the items of `within`. */
  readonly path: string;
  readonly name: string;
  /** One sentence for the guide sheet: what the sheet holds. */
  readonly about: string;
  readonly columns: readonly Column[];
  /** For a list inside another list's items: the parent sheet, and the column naming the parent's id. */
  readonly within?: { readonly path: string; readonly parentKey: string; readonly into: string };
}

/** A sheet with one field per row (項目 | 値 | 説明), for the parts of the format that occur once. */
export interface FieldsSheet {
  readonly kind: 'fields';
  readonly name: string;
  readonly about: string;
  /** Here `key` is the field's full path in the document. */
  readonly columns: readonly Column[];
}

export type Sheet = TableSheet | FieldsSheet;

/** A fields sheet's columns: the field's name (its `header`), its value, what it means. */
export const FIELD_HEADERS = { label: '項目', value: '値', about: '説明' } as const;

const TIER: DropDown = { sheet: 'tiers' };
const LEVEL: DropDown = { sheet: 'levels' };
const CATEGORY: DropDown = { sheet: 'categories' };
export const YES_NO = { yes: 'はい', no: 'いいえ' } as const;
const BOOLEAN: DropDown = { values: [YES_NO.yes, YES_NO.no] };

const ID_NOTE = '半角の英小文字・数字・「-」で1〜64文字（例: rs01）。他のシートから参照する名札です。日本語は「名称」に書きます。';
/** The id column: `what` the id names, `more` to say after the rules for ids. */
const idColumn = (what?: string, more?: string): Column => ({
  key: 'id',
  header: 'ID',
  type: 'text',
  required: true,
  note: [what && `${what}の名札。`, ID_NOTE, more].filter(Boolean).join(''),
});
const nameColumn = (note: string): Column => ({ key: 'name', header: '名称', type: 'text', required: true, note });
const CATEGORY_COLUMN: Column = { key: 'category', header: 'カテゴリ', type: 'text', required: true, dropDown: CATEGORY, note: '「カテゴリ」シートのIDから選びます。' };
const KEYWORDS: Column = {
  key: 'keywords',
  header: '別名・キーワード',
  type: 'lines',
  note: '職員が検索に使いそうな別の言い方（例: AI の項目に「人工知能」）。1行に1つ（セル内の改行は Alt+Enter）。',
};
const ratingScale = (path: string, name: string, use: string): TableSheet => ({
  kind: 'table',
  path,
  name,
  about: `${use}の段階（低い段階から順に）。`,
  columns: [
    { key: 'value', header: '値', type: 'integer', required: true, note: `${use}の段階の値（0〜9）。低い段階から順に、上の行ほど小さく。` },
    { key: 'label', header: '表示名', type: 'text', required: true, note: '職員に見せる言葉（例: 実践できる）。' },
    { key: 'labelEn', header: '英語の表示名', type: 'text', note: '英語の Teams を使う職員向けの表示名。なくても構いません。' },
  ],
});

/** Every sheet, in the order the workbook shows them (after the guide). */
export const SHEETS: readonly Sheet[] = [
  {
    kind: 'fields',
    name: '基本情報',
    about: 'フレームワークの名前・自治体・出典など、1つだけ書く項目。',
    columns: [
      { key: 'id', header: 'フレームワークID', type: 'text', required: true, note: `このフレームワークの名札（例: kitakyushu）。${ID_NOTE}` },
      nameColumn('戦略・方針の題名を、文書のとおりに。'),
      { key: 'city', header: '自治体名', type: 'text', required: true, note: '例: 北九州市' },
      { key: 'published', header: '公表時期', type: 'text', required: true, note: '文書の書き方のとおりに（例: 令和8年6月）。' },
      { key: 'source', header: '出典', type: 'text', required: true, note: '内容を取った文書の名前。読んだ人が原文を探せるように。' },
      { key: 'grades', header: '職位（低い順）', type: 'lines', note: '職員名簿の「職位」欄と同じ書き方で、低い職位から1行に1つ（例: 主事、主任、係長…）。' },
      { key: 'contact.office', header: '問い合わせ先', type: 'text', note: '研修や応募について職員が問い合わせる部署（例: 政策局 DX・AI戦略室）。' },
      { key: 'contact.phone', header: '問い合わせ先の電話', type: 'text', note: '例: 093-582-3020（文字として入力されます）。' },
      { key: 'contact.email', header: '問い合わせ先のメール', type: 'text', note: 'なくても構いません。' },
      { key: 'contact.website', header: '自治体のウェブサイト', type: 'text', note: 'https:// で始まるアドレス。Teams アプリの開発者情報に使います。' },
      { key: 'skillNotes.definition', header: 'スキル定義の注記', type: 'text', note: 'すべてのスキル定義の下に添える一文（例: 定義が誰の言葉か）。' },
      { key: 'skillNotes.example', header: '活用例の注記', type: 'text', note: 'すべての活用例の下に添える一文（例: 活用例が共通に想定する場面）。' },
      { key: 'skillNotes.recommended', header: '推奨スキルの注記', type: 'text', note: '推奨スキルの一覧の上に示す文書の言葉（例: 必須ではなく推奨とした理由）。' },
      { key: 'assessment.masteredFrom', header: '習得とみなす値', type: 'integer', note: '自己診断でこの値以上ならそのスキルを習得済みとみなします。「自己診断の段階」シートの値のどれか。段階を決めないなら両方とも空のままに。' },
    ],
  },
  {
    kind: 'table',
    path: 'aims',
    name: '職員像',
    about: '文書が掲げる、めざす職員像や人材育成の目標。見出しごとに1行。',
    columns: [
      { key: 'heading', header: '見出し', type: 'text', required: true, note: '文書の見出しのとおりに（例: DX推進に求められる職員像）。' },
      { key: 'items', header: '項目', type: 'lines', required: true, note: '見出しの下に並ぶ文を、1行に1つ。' },
    ],
  },
  {
    kind: 'table',
    path: 'tiers',
    name: '区分',
    about: '認定などの区分（例: ブロンズ・シルバー・ゴールド）。1行に1つ。',
    columns: [
      idColumn('認定などの区分（例: ブロンズ・シルバー・ゴールド）'),
      nameColumn('例: ブロンズ'),
      { key: 'audience', header: '対象', type: 'text', note: 'この区分が誰のためか（例: 全職員、DX変革リーダー）。文書に書かれていなければ空のまま。' },
      { key: 'criteria', header: '認定基準', type: 'text', note: '認定されるための条件を、文書の言葉のとおりに。' },
      { key: 'targetCount', header: '目標人数', type: 'integer', note: '計画がこの区分に求める人数（半角数字）。' },
    ],
  },
  {
    kind: 'table',
    path: 'levels',
    name: 'レベル',
    about: '成長のレベル。1行に1レベル。',
    columns: [
      { key: 'level', header: 'レベル', type: 'integer', required: true, note: '1, 2, 3 … と欠けずに番号を振ります（最大10）。' },
      { key: 'title', header: '人材像', type: 'text', required: true, note: 'そのレベルの人がどんな人か（例: 導入されたDXツールを活用できる職員）。' },
      { key: 'tier', header: '区分', type: 'text', required: true, dropDown: TIER, note: 'このレベルが属する区分。「区分」シートのIDから選びます。' },
      { key: 'summary', header: '概要', type: 'text', note: 'そのレベルでできることを一文で。' },
    ],
  },
  {
    kind: 'table',
    path: 'categories',
    name: 'カテゴリ',
    about: '役割表・スキル表の列（例: 使命感、思考・認識）。',
    columns: [
      idColumn('役割表・スキル表の列（例: 使命感、思考・認識）'),
      nameColumn('例: 思考・認識'),
      { key: 'group', header: 'グループ', type: 'text', note: 'カテゴリの上にまとめる見出しがあれば（例: 業務遂行・市政変革力）。' },
      { key: 'note', header: '注記', type: 'text', note: 'カテゴリについて文書が添えていること。' },
    ],
  },
  {
    kind: 'table',
    path: 'categories[].aspects',
    within: { path: 'categories', parentKey: 'category', into: 'aspects' },
    name: '観点',
    about: 'カテゴリごとに、レベルを比べるときに見るところ。',
    columns: [
      { key: 'category', header: 'カテゴリ', type: 'text', required: true, dropDown: CATEGORY, note: 'この観点を使うカテゴリ。「カテゴリ」シートのIDから選びます。' },
      { key: 'name', header: '観点', type: 'text', required: true, note: 'レベルを比べるときに見るところ（例: 変革対象の範囲）。' },
      { key: 'lowest', header: '最も低いレベルでは', type: 'text', note: 'いちばん低いレベルでの姿。' },
      { key: 'highest', header: '最も高いレベルでは', type: 'text', note: 'いちばん高いレベルでの姿。' },
    ],
  },
  {
    kind: 'table',
    path: 'roles',
    name: '役割',
    about: 'レベル×カテゴリごとの役割（DX人材の役割）。',
    columns: [
      { key: 'level', header: 'レベル', type: 'integer', required: true, dropDown: LEVEL, note: '「レベル」シートのレベルから選びます。レベル×カテゴリの組み合わせごとに1行ずつ、すべての組み合わせが必要です。' },
      CATEGORY_COLUMN,
      { key: 'text', header: '役割', type: 'text', required: true, note: 'そのレベルの人がそのカテゴリで果たす役割（DX人材の役割）を、文書のとおりに。文書に書かれていなければ空のまま。' },
      { key: 'highlights', header: '強調する語句', type: 'lines', note: '文書が強調している語句（着眼点）。「役割」の文中にそのまま出てくる語句を、1行に1つ。' },
    ],
  },
  {
    kind: 'table',
    path: 'requiredSkills',
    name: '必須スキル',
    about: 'レベルごとに習得すべきスキル。',
    columns: [
      idColumn(),
      nameColumn('スキルの名前。'),
      { key: 'level', header: 'レベル', type: 'integer', required: true, dropDown: LEVEL, note: 'このスキルを習得すべきレベル。「レベル」シートから選びます。' },
      CATEGORY_COLUMN,
      { key: 'definition', header: '定義', type: 'text', required: true, note: 'スキルの定義を、文書のとおりに。文書が定義していなければ空のまま。' },
      { key: 'example', header: '活用例', type: 'text', note: '文書に活用例がなければ空のまま。' },
      { key: 'origin', header: '出所', type: 'text', dropDown: { values: ['standard', 'city'] }, note: 'standard: 国のスキル標準（例: デジタルスキル標準）から、city: 自治体が独自に定義。わからなければ空のまま。' },
      KEYWORDS,
    ],
  },
  {
    kind: 'table',
    path: 'recommendedSkillGroups',
    name: '推奨スキルの分野',
    about: '推奨スキルをまとめる分野。',
    columns: [
      idColumn('推奨スキルの分野（例: データ活用）'),
      nameColumn('例: データ活用'),
    ],
  },
  {
    kind: 'table',
    path: 'recommendedSkillGroups[].skills',
    within: { path: 'recommendedSkillGroups', parentKey: 'group', into: 'skills' },
    name: '推奨スキル',
    about: 'より専門的な、推奨するスキル。',
    columns: [
      { key: 'group', header: '分野', type: 'text', required: true, dropDown: { sheet: 'recommendedSkillGroups' }, note: '「推奨スキルの分野」シートのIDから選びます。どの分野にも1つ以上のスキルが必要です。' },
      idColumn(undefined, 'すべての分野を通して重ならないように。'),
      nameColumn('スキルの名前。'),
      { key: 'note', header: '説明', type: 'text', note: '文書がこのスキルについて述べていることがあれば。' },
      KEYWORDS,
    ],
  },
  {
    kind: 'table',
    path: 'trainingFocusItems',
    name: '重点育成項目',
    about: 'レベル・カテゴリごとの重点育成項目。',
    columns: [
      idColumn(),
      nameColumn('重点的に育成する項目。'),
      { key: 'level', header: 'レベル', type: 'integer', required: true, dropDown: LEVEL, note: '「レベル」シートから選びます。' },
      CATEGORY_COLUMN,
      KEYWORDS,
    ],
  },
  {
    kind: 'table',
    path: 'programs',
    name: '研修・施策',
    about: '研修・施策・制度。',
    columns: [
      idColumn(),
      nameColumn('研修・施策・制度の名前（例: DXアカデミー）。'),
      { key: 'kind', header: '種類', type: 'text', required: true, dropDown: { values: programKinds }, note: 'off-jt: 職場外研修、ojt: 職場内研修、self-development: 自己啓発支援、career-support: キャリア形成支援、tier-training: 区分ごとの研修、hierarchical-training: 階層別研修、job-rotation: ジョブローテーション（派遣・人事交流）、other: その他の施策。' },
      { key: 'description', header: '説明', type: 'text', note: '文書に書かれていることだけを。' },
      { key: 'tiers', header: '対象の区分', type: 'lines', note: '対象となる区分のID（「区分」シート）を1行に1つ。全員が対象なら空のまま。' },
      { key: 'ranks', header: '対象の職階', type: 'lines', note: '文書が対象とする職階（例: 管理職層、係長級以下）を1行に1つ。書かれていなければ空のまま。' },
      { key: 'requiredFor', header: '必須とする区分', type: 'lines', note: 'この研修を認定の必須研修とする区分のID（「区分」シート）を1行に1つ。その区分の候補者は、応募した年度の4月1日以降に受講（受講済み・修了）していることが必要です。必須でなければ空のまま。' },
      { key: 'participationTarget.count', header: '受講者数の目標', type: 'integer', note: '計画が掲げる受講者数（半角数字、例: 40000）。なければ2項目とも空のまま。' },
      { key: 'participationTarget.years', header: '目標の期間（年）', type: 'integer', note: '受講者数の目標が何年分か（例: 1 なら年あたり、5 なら5年間で）。空なら1年。' },
      KEYWORDS,
    ],
  },
  {
    kind: 'table',
    path: 'programs[].parts',
    within: { path: 'programs', parentKey: 'program', into: 'parts' },
    name: '研修の内訳',
    about: '1つの研修・施策が区分や職階ごとに分かれるとき、その内訳。',
    columns: [
      { key: 'program', header: '研修・施策', type: 'text', required: true, note: '「研修・施策」シートのID。' },
      { key: 'name', header: '内訳', type: 'text', required: true, note: '内訳の名前（例: シルバー）。' },
      { key: 'description', header: '説明', type: 'text', note: '文書に書かれていることだけを。' },
      { key: 'tiers', header: '対象の区分', type: 'lines', note: 'この内訳の対象となる区分のID（「区分」シート）を1行に1つ。' },
      { key: 'ranks', header: '対象の職階', type: 'lines', note: 'この内訳の対象となる職階を1行に1つ。' },
    ],
  },
  {
    kind: 'fields',
    name: 'ルール',
    about: '募集・認定・KPIなど、制度のしくみ。',
    columns: [
      { key: 'rules.levelsCertified', header: 'レベルを認定する', type: 'boolean', required: true, dropDown: BOOLEAN, note: 'いいえ: レベルは成長の目安で、認定はしない。' },
      { key: 'rules.requiredSkillsAtApplication', header: '応募時に必須スキルを求める', type: 'boolean', dropDown: BOOLEAN, note: 'いいえ: 応募の時点では必須スキルを求めない。応募がない自治体は空のまま。' },
      { key: 'rules.skillsAccumulate', header: 'スキルの積み上げ', type: 'text', note: 'スキルは下のレベルから積み上げる、という文書の言葉があれば。' },
      { key: 'rules.applicationWindow.month', header: '募集月', type: 'integer', note: '認定の候補者を募る月（1〜12）。応募のしくみがない自治体は、募集の3項目とも空のまま。' },
      { key: 'rules.applicationWindow.tiers', header: '応募できる区分', type: 'lines', note: '応募できる区分のID（「区分」シート）を1行に1つ。' },
      { key: 'rules.applicationWindow.text', header: '募集の説明', type: 'text', note: '募集について文書が書いていること。' },
      { key: 'rules.professionalTrack.eligibleGrades', header: '専門職コースの対象職位', type: 'text', note: '文書の書き方のとおりに（例: 係長以下）。専門職コースがなければ3項目とも空のまま。' },
      { key: 'rules.professionalTrack.maxGrade', header: '専門職コースに応募できる最上位の職位', type: 'text', note: '「基本情報」の職位のどれか。名簿の職位と照らして応募できるかを確かめます。' },
      { key: 'rules.professionalTrack.text', header: '専門職コースの説明', type: 'text', note: '文書の言葉のとおりに。' },
      { key: 'rules.professionalTrack.gradesQuoted', header: '職位の順は文書のとおり', type: 'boolean', dropDown: BOOLEAN, note: 'いいえ: 職位の順は名簿から取ったもので文書にはない（職員にそう伝え、人事が判断します）。' },
      { key: 'rules.digitalExpert.minLevel', header: 'デジタルエキスパートに必要なレベル', type: 'integer', dropDown: LEVEL, note: 'このキャリアに必要な最低のレベル。なければ2項目とも空のまま。' },
      { key: 'rules.digitalExpert.text', header: 'デジタルエキスパートの説明', type: 'text', note: '文書の言葉のとおりに。' },
      { key: 'rules.kpi.target', header: 'KPIの目標人数', type: 'integer', note: '計画期間全体の育成目標（半角数字）。KPIがなければ5項目とも空のまま。' },
      { key: 'rules.kpi.fromFiscalYear', header: 'KPIの開始年度（西暦）', type: 'integer', note: '年度の始まる西暦年（令和5年度 = 2023）。' },
      { key: 'rules.kpi.toFiscalYear', header: 'KPIの終了年度（西暦）', type: 'integer', note: '年度の始まる西暦年（令和7年度 = 2025）。' },
      { key: 'rules.kpi.achieved', header: 'KPIの達成人数', type: 'integer', note: '文書が示す実績があれば。' },
      { key: 'rules.kpi.text', header: 'KPIの説明', type: 'text', note: '文書の言葉のとおりに。' },
      { key: 'rules.evaluation.tiers', header: '多面評価で認定する区分', type: 'lines', note: '複数の評価者による評価で認定する区分のID を1行に1つ。評価の観点は「評価の観点」シートに。多面評価がなければ空のまま。' },
      { key: 'rules.evaluation.text', header: '多面評価の説明', type: 'text', note: '文書の言葉のとおりに。' },
      { key: 'rules.evaluation.skillMap.text', header: 'スキルマップの説明', type: 'text', note: '評価・認定に使うスキルマップについての文書の言葉。スキルは「スキルマップ」シートに。なければ空のまま。' },
      { key: 'rules.appointment.tiers', header: '任命する区分', type: 'lines', note: '人事が指名・任命する区分のID を1行に1つ。任命のしくみがなければ4項目とも空のまま。' },
      { key: 'rules.appointment.perSection', header: '各所属に置く区分', type: 'text', dropDown: TIER, note: 'どの所属にも1人ずつ置く区分（任命する区分のどれか）。KPIは配置率になります。' },
      { key: 'rules.appointment.coverageUnit', header: '配置を数える単位', type: 'text', note: '文書が所属を呼ぶ言葉（例: 係）。「各所属に置く区分」と一緒に書きます。' },
      { key: 'rules.appointment.text', header: '任命の説明', type: 'text', note: '文書の言葉のとおりに。' },
    ],
  },
  {
    kind: 'table',
    path: 'rules.targets',
    name: '年度目標',
    about: '年度ごとの認定人数の目標。',
    columns: [
      { key: 'fiscalYear', header: '年度（西暦）', type: 'integer', required: true, note: '年度の始まる西暦年（令和8年度 = 2026）。' },
      { key: 'tier', header: '区分', type: 'text', dropDown: TIER, note: '目標の区分。空なら認定された全区分の合計。年度と区分の組み合わせごとに1行。' },
      { key: 'count', header: '目標人数', type: 'integer', required: true, note: '半角数字。' },
    ],
  },
  {
    kind: 'table',
    path: 'rules.evaluation.viewpoints',
    name: '評価の観点',
    about: '多面評価で認定する自治体の、評価の観点と評価者。',
    columns: [
      idColumn(),
      { key: 'name', header: '観点', type: 'text', required: true, note: '例: 政策的観点' },
      { key: 'raters', header: '評価者', type: 'text', required: true, note: 'この観点で評価する人（例: 幹部職員）。' },
      { key: 'description', header: '説明', type: 'text', note: '文書に書かれていれば。' },
      { key: 'tiers', header: '評価する区分', type: 'lines', note: 'この観点で評価する区分のID を1行に1つ。すべての区分なら空のまま。' },
    ],
  },
  {
    kind: 'table',
    path: 'rules.evaluation.skillMap.skills',
    name: 'スキルマップ',
    about: '多面評価で候補者を評価・認定するスキル（スキルマップの横軸）。',
    columns: [
      { key: 'name', header: 'スキル', type: 'text', required: true, note: '文書のとおりに（例: データ利活用）。' },
      { key: 'note', header: '説明', type: 'text', note: '文書に書かれていれば。' },
    ],
  },
  ratingScale('rules.evaluation.scale', '評価の段階', '多面評価'),
  ratingScale('assessment.scale', '自己診断の段階', '自己診断'),
  {
    kind: 'table',
    path: 'rules.notes',
    name: '補足',
    about: '職員に見せたい、文書のその他の文。',
    columns: [{ key: '', header: '補足', type: 'text', required: true, note: '職員に見せたい文書のその他の文。1行に1つ。' }],
  },
  {
    kind: 'table',
    path: 'rules.questions',
    name: 'よくある質問',
    about: '職員がルールについて尋ねる言い方。',
    columns: [
      { key: 'topic', header: 'ルール', type: 'text', required: true, dropDown: { values: ruleTopics }, note: 'この質問に答えるルール。applicationWindow: 募集、levelsCertified: レベルの認定、requiredSkillsAtApplication: 応募時の必須スキル、professionalTrack: 専門職コース、digitalExpert: デジタルエキスパート、tiers: 区分、kpi: KPI、evaluation: 多面評価、appointment: 任命。' },
      { key: 'questions', header: '質問の言い方', type: 'lines', required: true, note: '職員が尋ねそうな言い方（例: 募集はいつ）を1行に1つ。' },
      { key: 'answer', header: '答え', type: 'text', note: 'ルールに説明文がないとき（levelsCertified、requiredSkillsAtApplication）に答える文書の言葉。' },
    ],
  },
];

/** The sheet whose first column lists the ids a drop-down offers. */
export function listedSheet(sheet: ListedSheet): TableSheet {
  return SHEETS.find((s): s is TableSheet => s.kind === 'table' && s.path === sheet)!;
}
