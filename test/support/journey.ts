import { randomUUID } from 'node:crypto';
import { jstDateAndTime } from '../../src/domain/applications/fiscalYear';
import type { TrainingStatus } from '../../src/domain/training/trainingRecord';
import { translator } from '../../src/i18n';
import { startAzurite } from '../../src/local/azurite';
import { cardOf, executeActions, startBotHarness, textOf, type Card, type TestUser } from './botHarness';
import { importRosterRows, inboxOf } from './conversation';
import { Stoppers } from './stoppers';

// A city's bot as its staff meet it in Teams: people on a roster, who type in their personal chat and press the
// buttons of the cards they received, sending the card's inputs as Teams does. Used by the end-to-end stories.

/** Someone on a city's roster. */
export interface Person extends TestUser {
  readonly email: string;
  readonly department: string;
  readonly section: string;
  readonly grade: string;
  readonly manager?: Person;
  readonly hr: boolean;
}

/** A person with a fresh Entra id; `hr` gives them the HR role. */
export function person(
  name: string,
  where: { department: string; section?: string; grade: string; manager?: Person; hr?: boolean },
): Person {
  const aadObjectId = randomUUID();
  return {
    id: `29:${aadObjectId}`,
    aadObjectId,
    name,
    email: `${aadObjectId.slice(0, 8)}@example.city.jp`,
    department: where.department,
    section: where.section ?? '',
    grade: where.grade,
    manager: where.manager,
    hr: where.hr ?? false,
  };
}

/** What someone typed or chose on a card before pressing a button: input id → value. */
export type Typed = Record<string, string>;

/** A city's bot, its people, and what they do in Teams. */
export interface City {
  /** Types a message in one's personal chat; returns the card of the bot's answer. */
  say(who: Person, text: string): Promise<Card>;
  /**
   * Presses the button titled `title` on a card (the only one, or the one whose data has `where`), sending the card's
   * inputs with what was typed, as Teams does; returns the card that replaces it or, for an answer that comes below
   * (the card pressed then stays as it was), the newest card sent below.
   */
  press(who: Person, card: Card, title: string, options?: { typed?: Typed; where?: Record<string, unknown> }): Promise<Card>;
  /** What reaches someone's personal chat from now on (cards the bot sends on its own). */
  inbox(who: Person): { take(): Card[] };
  /** Stops the bot and starts a new one on the same storage, framework and Teams service URL, as a redeploy does. */
  restart(): Promise<void>;
  /** Stores someone's attendance at a session of a program, as `npm run training:import` of the city's file does. */
  recordTraining(who: Person, programId: string, date: string, status: TrainingStatus): Promise<void>;
  stop(): Promise<void>;
}

/** Titles that mean a step went wrong (an error, or a refusal): no step of a story may answer with them. */
const ja = translator('ja');
const FAILURES = (
  [
    'error.unexpected.title',
    'error.storage.title',
    'error.invalidAction.title',
    'assessment.refusal.title',
    'applications.refusal.title',
    'evaluation.refusal.title',
    'appointment.refusal.title',
  ] as const
).map((key) => ja(key));

/**
 * Starts a bot with a framework file of data/frameworks on an Azurite of its own (the roster is one data set per
 * storage), imports the people as the roster, and lets each of them open the bot once so it can reach them.
 */
export async function startCity(frameworkFile: string, people: readonly Person[], running = new Stoppers()): Promise<City> {
  return running.startOrStop(async () => {
    const azurite = running.add(await startAzurite());
    let harness = running.add(await startBotHarness({ connectionString: azurite.connectionString, frameworkFile }));
    const employeeNo = (p: Person): string => `E${people.indexOf(p) + 1}`;
    const rows = people.map((p) =>
      [employeeNo(p), p.name, p.email, p.aadObjectId, p.department, p.section, p.grade, p.manager?.email ?? '', p.hr ? 'hr' : ''].join(','),
    );
    await importRosterRows(harness, rows);

    const answered = (card: Card, what: string): Card => {
      const text = textOf(card);
      const failure = FAILURES.find((f) => text.includes(f));
      if (failure) throw new Error(`${what} was answered with "${failure}":\n${text}`);
      if (JSON.stringify(card).includes('${')) throw new Error(`${what} was answered with an unexpanded template:\n${text}`);
      return card;
    };
    const city: City = {
      async say(who, text) {
        return answered(cardOf(await harness.say(text, { user: who })), `${who.name} saying "${text}"`);
      },
      async press(who, card, title, options = {}) {
        const what = `${who.name} pressing "${title}"`;
        const data = buttonData(card, title, options.where ?? {}, what);
        const chat = inboxOf(harness, who);
        const { status, body } = await harness.click(data.verb, { ...data.data, ...inputsOf(card), ...options.typed }, { user: who });
        if (status !== 200) throw new Error(`${what}: the bot answered ${status}`);
        if (body.type !== 'application/vnd.microsoft.activity.message') return answered(body.value, what);
        const below = chat.take().at(-1);
        if (!below) throw new Error(`${what} was answered below, but nothing came below`);
        return answered(below, what);
      },
      inbox(who) {
        return inboxOf(harness, who);
      },
      async restart() {
        const { frameworkId, connector } = harness;
        await harness.bot.stop();
        harness = running.add(
          await startBotHarness({ connectionString: azurite.connectionString, frameworkId, connector, importFramework: false }),
        );
      },
      async recordTraining(who, programId, date, status) {
        await harness.bot.repositories.trainingRecords.store(harness.frameworkId, [{ employeeNo: employeeNo(who), programId, date, status }]);
      },
      stop: () => running.stopAll(),
    };
    for (const p of people) await city.say(p, 'メニュー');
    return city;
  });
}

/** The verb and data of the one button titled `title` whose data has `where`. */
function buttonData(card: Card, title: string, where: Record<string, unknown>, what: string): { verb: string; data: Record<string, unknown> } {
  const found = executeActions(card).filter(
    (a) => a.title === title && Object.entries(where).every(([key, value]) => (a.data as Record<string, unknown>)[key] === value),
  );
  if (found.length !== 1) {
    const titles = executeActions(card).map((a) => `「${a.title ?? ''}」${JSON.stringify(a.data)}`);
    throw new Error(`${what}: ${found.length} such buttons on the card, which has:\n${titles.join('\n')}\n---\n${textOf(card)}`);
  }
  return { verb: found[0]!.verb, data: (found[0]!.data ?? {}) as Record<string, unknown> };
}

/** Every element of a card (at any depth) that `matches`. */
export function elementsOf(card: Card, matches: (element: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (matches(record)) found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Every input of a card with the value it shows, as Teams sends them with an Action.Execute. */
export function inputsOf(card: Card): Typed {
  const inputs = elementsOf(card, (e) => typeof e.type === 'string' && e.type.startsWith('Input.') && typeof e.id === 'string');
  return Object.fromEntries(inputs.map((input) => [input.id as string, untouched(input)]));
}

/** What an input sends when nobody changed it: its value, or a toggle's "off" value. */
function untouched(input: Record<string, unknown>): string {
  if (typeof input.value === 'string') return input.value;
  if (input.type !== 'Input.Toggle') return '';
  return typeof input.valueOff === 'string' ? input.valueOff : 'false';
}

/** The ids of a card's inputs, in order. */
export function inputIds(card: Card): string[] {
  return Object.keys(inputsOf(card));
}

/** The value of the choice titled `title` in a card's choice set `inputId`: what someone picks by what it says. */
export function choice(card: Card, inputId: string, title: string): string {
  const [choiceSet] = elementsOf(card, (e) => e.id === inputId && Array.isArray(e.choices));
  const found = (choiceSet?.choices as { title: string; value: string }[] | undefined)?.find((c) => c.title === title);
  if (!found) throw new Error(`no choice "${title}" in ${inputId}:\n${textOf(card)}`);
  return found.value;
}

/** The lines of a card's texts, to look for a whole line. */
export function linesOf(card: Card): string[] {
  return textOf(card).split('\n');
}

/**
 * The city's bot with these people, started before the describe block's tests and stopped after them (call it in a
 * describe block; its methods work inside the tests).
 */
export function cityFor(frameworkFile: string, people: readonly Person[]): City {
  let started: City | undefined;
  // Held here, so that a start still going when its hook times out is stopped with the rest of the block.
  const stoppers = new Stoppers();
  beforeAll(async () => {
    started = await startCity(frameworkFile, people, stoppers);
  }, 60_000);
  afterAll(() => stoppers.stopAll());
  const running = (): City => {
    if (!started) throw new Error(`the ${frameworkFile} city did not start`);
    return started;
  };
  return {
    say: (who, text) => running().say(who, text),
    press: (who, card, title, options) => running().press(who, card, title, options),
    inbox: (who) => running().inbox(who),
    restart: () => running().restart(),
    recordTraining: (who, programId, date, status) => running().recordTraining(who, programId, date, status),
    stop: () => running().stop(),
  };
}

// The people of each city's stories (fresh Entra ids on every call), on the real files of data/frameworks.

/** Kitakyushu: an employee, their 課長, and HR. */
export function kitakyushuPeople(): { employee: Person; manager: Person; hr: Person } {
  const manager = person('門司 花子', { department: '市民局', section: '区政推進課', grade: '課長' });
  const employee = person('北九 太郎', { department: '市民局', section: '区政推進課', grade: '主事', manager });
  const hr = person('到津 由美', { department: '政策局', section: 'DX推進課', grade: '主任', hr: true });
  return { employee, manager, hr };
}

/** Moka: an employee, their 課長 and 部長, a colleague, an outside expert, HR; `raters` is one per viewpoint, in order. */
export function mokaPeople(): {
  employee: Person;
  manager: Person;
  executive: Person;
  colleague: Person;
  expert: Person;
  hr: Person;
  raters: Person[];
} {
  const executive = person('根本 部長', { department: '総合政策部', grade: '部長' });
  const manager = person('荒町 課長', { department: '市民生活部', section: '市民課', grade: '課長', manager: executive });
  const employee = person('久下田 一郎', { department: '市民生活部', section: '市民課', grade: '主任', manager });
  const colleague = person('長田 花子', { department: '市民生活部', section: '市民課', grade: '主事', manager });
  const expert = person('委託 専門', { department: '外部専門家', grade: '委託業者' });
  const hr = person('真岡 人事', { department: '総務部', section: '人事係', grade: '主任', hr: true });
  return { employee, manager, executive, colleague, expert, hr, raters: [executive, colleague, expert] };
}

/** Kunisaki: an employee of 総務課 総務係, their 係長, and HR. */
export function kunisakiPeople(): { employee: Person; manager: Person; hr: Person } {
  const manager = person('安岐 係長', { department: '総務課', section: '総務係', grade: '係長' });
  const employee = person('国東 一郎', { department: '総務課', section: '総務係', grade: '主任', manager });
  const hr = person('国見 由美', { department: '政策企画課', section: '広報・DX推進係', grade: '主任', hr: true });
  return { employee, manager, hr };
}

/** A city starting from the national model: an employee, their 課長, and HR. */
export function nationalPeople(): { employee: Person; manager: Person; hr: Person } {
  const manager = person('総務 課長', { department: '総務部', section: '情報政策課', grade: '課長' });
  const employee = person('自治 一郎', { department: '総務部', section: '情報政策課', grade: '主任', manager });
  const hr = person('人事 由美', { department: '総務部', section: '人事課', grade: '主任', hr: true });
  return { employee, manager, hr };
}

/** HR opens this year's Silver window from now for a week on the windows card; returns the card after saving. */
export async function openSilverWindow(city: City, hr: Person): Promise<Card> {
  const DAY = 86_400_000;
  const [opens, closes] = [new Date(), new Date(Date.now() + 7 * DAY)].map((d) => jstDateAndTime(d.toISOString()));
  return city.press(hr, await city.say(hr, '募集期間'), '保存する', {
    where: { track: 'silver' },
    typed: { opensDate_silver: opens!.date, opensTime_silver: opens!.time, closesDate_silver: closes!.date, closesTime_silver: closes!.time },
  });
}
