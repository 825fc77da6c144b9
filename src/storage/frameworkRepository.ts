import { frameworkDocumentSchema, type FrameworkDocument } from '../domain/framework/schema';
import type { DatasetHead, DatasetRow, DatasetStore, ProgressListener } from './datasetStore';

/** The list-valued parts of a framework, each stored as one row per item. */
const SECTIONS = [
  'tiers',
  'levels',
  'categories',
  'roles',
  'requiredSkills',
  'recommendedSkillGroups',
  'trainingFocusItems',
  'programs',
] as const;
type Section = (typeof SECTIONS)[number];
type Header = Omit<FrameworkDocument, Section>;

const HEADER_ROW = 'header';

/** A framework as stored: the document and the version it was read from. */
export interface StoredFramework {
  readonly version: string;
  readonly document: FrameworkDocument;
}

/** Reads and replaces frameworks in Table storage, one row per item so a person can browse them. */
export class FrameworkRepository {
  constructor(private readonly store: DatasetStore) {}

  /** The active version of a framework, without loading it. */
  async findActiveVersion(frameworkId: string): Promise<DatasetHead | undefined> {
    return this.store.findHead(frameworkId);
  }

  /**
   * Loads one version of a framework; undefined if it is not (or no longer) stored. A version stored before the format
   * gained a field (e.g. `keywords`) gets the field's default, as its file would today.
   */
  async load(frameworkId: string, version: string): Promise<FrameworkDocument | undefined> {
    const rows = await this.store.listRows<unknown>(frameworkId, version);
    const header = rows.find((r) => r.rowKey === HEADER_ROW)?.data as Header | undefined;
    if (!header) return undefined;
    const document = { ...header } as FrameworkDocument;
    for (const section of SECTIONS) {
      (document as Record<Section, unknown[]>)[section] = rows
        .filter((r) => r.rowKey.startsWith(`${section}:`))
        .map((r) => r.data);
    }
    return frameworkDocumentSchema.parse(document);
  }

  /** Loads whatever version is active. */
  async loadActive(frameworkId: string): Promise<StoredFramework | undefined> {
    const head = await this.store.findHead(frameworkId);
    if (!head) return undefined;
    const document = await this.load(frameworkId, head.version);
    return document ? { version: head.version, document } : undefined;
  }

  /**
   * Makes `document` the active framework as version `version`, all or nothing.
   * Returns false, writing nothing, when that version is already the active one.
   */
  async replace(document: FrameworkDocument, version: string, onProgress?: ProgressListener): Promise<boolean> {
    return this.store.replace(document.id, version, toRows(document), onProgress);
  }
}

function toRows(document: FrameworkDocument): DatasetRow[] {
  const header: Record<string, unknown> = { ...document };
  for (const section of SECTIONS) delete header[section];
  const rows: DatasetRow[] = [{ rowKey: HEADER_ROW, data: header, columns: { name: document.name } }];
  for (const section of SECTIONS) {
    document[section].forEach((item, index) => {
      rows.push({
        // The index keeps the file's order, which is the order people read the items in.
        rowKey: `${section}:${String(index).padStart(4, '0')}`,
        data: item,
        columns: describe(item),
      });
    });
  }
  return rows;
}

/** A few readable columns (id, name, level, category) for people looking at the table in Storage Explorer. */
function describe(item: object): Record<string, string | number> {
  const columns: Record<string, string | number> = {};
  for (const key of ['id', 'name', 'title', 'level', 'category', 'kind'] as const) {
    const value = (item as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') columns[key] = value;
  }
  return columns;
}
