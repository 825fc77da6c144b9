import { ROSTER_COLUMNS } from '../src/domain/roster/employee';

const FAMILY = ['北九', '門司', '小倉', '若松', '八幡', '戸畑', '到津', '曽根', '黒崎', '折尾', '徳力', '城野'];
const GIVEN = ['太郎', '花子', '一郎', '由美', '大輔', '誠', '恵', '健太', '彩', '翔', '真理', '修'];
const DEPARTMENTS = ['政策局', '総務市民局', '財政・変革局', '保健福祉局', '子ども家庭局', '環境局', '産業経済局', '都市戦略局', '建築都市局', '港湾空港局'];
const SECTIONS = ['総務課', '企画課', '事業課', '管理課', 'DX推進課', '調整課'];
/** Titles from the top of the tree down; everyone below the last manager level is 主任 or 主事. */
const GRADES = ['局長', '部長', '課長', '係長'];
/** Direct reports per manager: depth 5 for the city's 7,000 staff. */
const FAN_OUT = 8;

/** Employee 1 heads the second level of the tree: FAN_OUT direct reports at any roster size above a few dozen. */
export const MANAGER_OF_A_TEAM = 1;
/** Employee 10 is one of the HR officers (roles below). */
export const HR_OFFICER = 10;

/** The employee number of employee `i`: E00001 for the first. */
export function employeeNoOf(i: number): string {
  return `E${String(i + 1).padStart(5, '0')}`;
}

/** A deterministic GUID (version 4 layout) for employee `i`. */
export function aadObjectIdOf(i: number): string {
  const hex = (i + 1).toString(16).padStart(12, '0');
  return `b3e1a52c-${hex.slice(0, 4)}-4e8a-9f21-${hex}`;
}

/**
 * A valid roster CSV of `count` employees organised as a tree (employee 0 at the top, each manager with
 * `FAN_OUT` reports), with unique numbers, e-mails and object ids, and a few HR and admin staff.
 */
export function generateRosterCsv(count: number): string {
  const depth: number[] = [0];
  const lines = [ROSTER_COLUMNS.join(',')];
  for (let i = 0; i < count; i++) {
    const manager = managerOf(i);
    if (manager !== undefined) depth[i] = depth[manager]! + 1;
    const grade = GRADES[depth[i]!] ?? (i % 3 === 0 ? '主任' : '主事');
    const roles = i >= 10 && i < 15 ? 'hr' : i >= 15 && i < 17 ? 'admin' : i === 17 ? 'hr;admin' : '';
    lines.push(
      [
        employeeNoOf(i),
        `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]}`,
        emailOf(i),
        aadObjectIdOf(i),
        DEPARTMENTS[i % DEPARTMENTS.length],
        SECTIONS[i % SECTIONS.length],
        grade,
        manager === undefined ? '' : emailOf(manager),
        roles,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The manager of employee `i` in a generated roster; employee 0 has none. */
export function managerOf(i: number): number | undefined {
  return i === 0 ? undefined : Math.floor((i - 1) / FAN_OUT);
}

function emailOf(i: number): string {
  return `staff${i + 1}@example.city.jp`;
}
