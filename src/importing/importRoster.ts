import { validateRoster } from '../domain/roster/validateRoster';
import type { RosterRepository } from '../storage/rosterRepository';
import { CsvSyntaxError, parseCsv } from './csv';
import { storeValidated, type ImportOptions, type ImportOutcome } from './importOutcome';

/**
 * Validates a roster CSV and, unless it is a dry run, replaces the whole roster with it, all or nothing.
 * Importing the same content again changes nothing.
 */
export async function importRoster(
  text: string,
  repository: RosterRepository,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { status: 'invalid', issues: [{ where: `line ${err.line}`, message: err.message }] };
    throw err;
  }
  const validated = validateRoster(records);
  if (!validated.ok) return { status: 'invalid', issues: validated.issues };
  const employees = validated.value;
  const managers = new Set(employees.map((e) => e.managerEmail).filter(Boolean)).size;
  const staff = employees.filter((e) => e.roles.length > 0).length;
  const departments = new Set(employees.map((e) => e.department)).size;
  // The count of sections (department and section together) lets whoever imports check the column holds the unit meant.
  const sections = new Set(employees.filter((e) => e.section !== '').map((e) => JSON.stringify([e.department, e.section]))).size;
  const summary = `${employees.length} employees in ${departments} departments and ${sections} sections, ${managers} managers, ${staff} with HR or admin roles`;
  return storeValidated(employees, summary, (e, version, onProgress) => repository.replace(e, version, onProgress), options);
}
