import type ExcelJS from 'exceljs';
import { asWritten } from './cellValues';
import { getAt, setAt } from './paths';
import { readSheet, type Location, type SheetRecord, type WorkbookProblem } from './readSheet';
import { listedSheet, SHEETS, type Sheet, type TableSheet } from './sheets';

/** Where each part of the document was read from, by the path a validation issue names (`requiredSkills[3].definition`). */
export type Locations = Map<string, Location>;

/** A workbook read as the object a framework file holds, not yet validated, or the problems that kept it from being read. */
export type WorkbookReading =
  | { readonly ok: true; readonly document: Record<string, unknown>; readonly locations: Locations }
  | { readonly ok: false; readonly problems: WorkbookProblem[] };

type Item = Record<string, unknown>;
/** A sheet's records as read; undefined when the workbook lacks the sheet. */
type SheetRead = { readonly sheet: Sheet; readonly records: SheetRecord[] | undefined };

/** Reads a framework workbook into the same object the JSON path validates, remembering where each value came from. */
export function readWorkbook(workbook: ExcelJS.Workbook): WorkbookReading {
  const problems: WorkbookProblem[] = [];
  const read = SHEETS.map((sheet) => ({ sheet, records: readSheet(workbook, sheet, problems) }));
  problems.push(...dropDownProblems(read), ...parentlessProblems(read));
  if (problems.length > 0) return { ok: false, problems };

  const document: Item = {};
  const locations: Locations = new Map();
  for (const { sheet, records = [] } of read) {
    if (sheet.kind === 'fields') placeFields(records[0]!, document, locations);
    else if (sheet.within) placeChildren(sheet, records, document, locations);
    else placeTable(sheet, records, document, locations);
  }
  return { ok: true, document, locations };
}

/**
 * A value a drop-down does not offer: the officer typed it, or the list it names changed. A list whose sheet is
 * missing is not checked against: the missing sheet is the one problem to name.
 */
function dropDownProblems(read: readonly SheetRead[]): WorkbookProblem[] {
  const idsOf = (sheet: TableSheet): string[] | undefined => {
    const idKey = sheet.columns[0]!.key;
    return read.find((r) => r.sheet === sheet)!.records?.flatMap((r) => (r.values.has(idKey) ? [String(r.values.get(idKey))] : []));
  };
  return read.flatMap(({ sheet, records = [] }) =>
    sheet.columns.flatMap((column) => {
      const dropDown = column.dropDown;
      if (!dropDown) return [];
      const listed = 'sheet' in dropDown ? listedSheet(dropDown.sheet) : undefined;
      const offered = 'values' in dropDown ? dropDown.values : idsOf(listed!);
      if (!offered) return [];
      return records.flatMap((record): WorkbookProblem[] => {
        const value = record.values.get(column.key);
        // Compared as the cell writes it: a yes/no read as true is offered as はい.
        if (value === undefined || offered.includes(asWritten(column.type, value))) return [];
        const at = record.cells.get(column.key)!;
        return listed
          ? [{ at, key: 'workbook.notInSheet', params: { value: String(value), sheet: listed.name, header: listed.columns[0]!.header } }]
          : [{ at, key: 'workbook.notInList', params: { value: String(value), values: offered.join(', ') } }];
      });
    }),
  );
}

/** A row of a sheet whose items sit inside another sheet's items must name its parent, or it would belong nowhere. */
function parentlessProblems(read: readonly SheetRead[]): WorkbookProblem[] {
  return read.flatMap(({ sheet, records = [] }) => {
    const parentKey = sheet.kind === 'table' ? sheet.within?.parentKey : undefined;
    if (!parentKey) return [];
    return records.filter((r) => !r.values.has(parentKey)).map((r) => ({ at: r.cells.get(parentKey)!, key: 'issue.required' as const }));
  });
}

function placeFields(record: SheetRecord, document: Item, locations: Locations): void {
  for (const [key, value] of record.values) setAt(document, key, value);
  for (const [key, at] of record.cells) locations.set(key, at);
}

/** A top-level list is always there, if empty; a nested one only when it has items (its part may be absent). */
function placeTable(sheet: TableSheet, records: readonly SheetRecord[], document: Item, locations: Locations): void {
  locations.set(sheet.path, { sheet: sheet.name });
  if (records.length === 0 && sheet.path.includes('.')) return;
  setAt(document, sheet.path, records.map((record) => itemOf(record, '')));
  records.forEach((record, i) => locateItem(`${sheet.path}[${i}]`, record, locations));
}

/**
 * Items that belong to an item of another sheet (a category's aspects, a group's skills) go into it, in row order.
 * They are also located as the validation counts them across every parent (`recommendedSkillGroups[].skills[5]`).
 */
function placeChildren(sheet: TableSheet, records: readonly SheetRecord[], document: Item, locations: Locations): void {
  const { path, parentKey, into } = sheet.within!;
  const parents = (getAt(document, path) as Item[] | undefined) ?? [];
  const childrenOf = parents.map((parent) => {
    const mine = records.filter((r) => r.values.get(parentKey) === parent.id);
    parent[into] = mine.map((record) => itemOf(record, parentKey));
    return mine;
  });
  let across = 0;
  childrenOf.forEach((children, p) =>
    children.forEach((record, c) => {
      locateItem(`${path}[${p}].${into}[${c}]`, record, locations);
      locateItem(`${path}[].${into}[${across++}]`, record, locations);
    }),
  );
}

function itemOf(record: SheetRecord, leaveOut: string): unknown {
  if (record.values.has('')) return record.values.get('');
  const item: Item = {};
  for (const [key, value] of record.values) if (key !== leaveOut) setAt(item, key, value);
  return item;
}

function locateItem(path: string, record: SheetRecord, locations: Locations): void {
  locations.set(path, record.at);
  for (const [key, at] of record.cells) locations.set(key === '' ? path : `${path}.${key}`, at);
}
