import { z } from 'zod/v4';

/**
 * The format of a city's DX talent framework file (data/frameworks/*.json).
 * It is the contract other cities write against: data/frameworks/framework.schema.json is generated from it.
 */

/** Identifiers end up in Table storage keys and card payloads: keep them short, ASCII and key-safe. */
export const identifier = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and "-" only, 1–64 characters');

const text = z.string().trim().min(1);
/** Other names people use for an item, so a search finds it by their words: the source's own terms, plain synonyms. */
const keywords = z.array(text).default([]).describe('other names and words for the item, e.g. 人工知能 for AI; searched like its name');
const levelNumber = z.number().int().min(1).max(10);

const tier = z.object({
  id: identifier,
  name: text.describe('e.g. ブロンズ'),
  audience: text.optional().describe('who the tier is for, e.g. 全職員 or DX変革リーダー; absent when the source does not say'),
  criteria: text.optional().describe('認定基準: what it takes to be certified, as the source says it'),
  targetCount: z.number().int().positive().optional().describe('how many people the plan wants in this tier (目標人数)'),
});

const level = z.object({
  level: levelNumber,
  title: text.describe('e.g. 導入されたDXツールを活用できる職員'),
  tier: identifier.describe('id of a tier'),
  summary: text.optional().describe('one sentence on what the level can do'),
});

const aspect = z.object({
  name: text.describe('e.g. 変革対象の範囲'),
  lowest: text.optional().describe('what the aspect looks like at the lowest level'),
  highest: text.optional().describe('what the aspect looks like at the highest level'),
});

const category = z.object({
  id: identifier,
  name: text,
  group: text.optional().describe('the heading the category sits under, if any'),
  aspects: z.array(aspect).default([]).describe('what to look at when comparing levels in this category'),
  note: text.optional(),
});

const role = z.object({
  level: levelNumber,
  category: identifier,
  text: text.optional().describe('absent only where the source says nothing of this level in this category (the bot says so)'),
  highlights: z.array(text).default([]).describe('phrases the source emphasises (its focus aspects)'),
});

const requiredSkill = z.object({
  id: identifier,
  name: text,
  level: levelNumber,
  category: identifier,
  definition: text.optional().describe('定義; absent when the source defines none (do not write one)'),
  example: text.optional().describe('活用例; absent when the source gives none'),
  origin: z.enum(['standard', 'city']).optional().describe('standard: from a national skill standard; city: defined by the city'),
  keywords,
});

const recommendedSkillGroup = z.object({
  id: identifier,
  name: text,
  skills: z
    .array(
      z.object({ id: identifier, name: text, note: text.optional().describe('what the source says the skill means, if anything'), keywords }),
    )
    .min(1),
});

const trainingFocusItem = z.object({
  id: identifier,
  name: text,
  level: levelNumber,
  category: identifier,
  keywords,
});

export const programKinds = [
  'off-jt',
  'ojt',
  'self-development',
  'career-support',
  'tier-training',
  'hierarchical-training',
  'job-rotation',
  'other',
] as const;

/** The ranks (職階) a program or a part of it is for, as the source names them. */
const ranks = z.array(text).default([]).describe('the ranks (職階) it is for, as the source names them, e.g. 管理職層 or 係長級以下; empty when the source does not say');

/** A part of a program that the source describes on its own, e.g. one tier's training within a project. */
const programPart = z.object({
  name: text.describe('e.g. ゴールド'),
  description: text.optional(),
  tiers: z.array(identifier).default([]).describe('tiers the part is meant for; empty for everyone'),
  ranks,
});

/** How many people a program means to reach, as the source sets it: 40,000人/年 is 40000 over 1 year. */
const participationTarget = z.object({
  count: z.number().int().positive(),
  years: z.number().int().positive().default(1).describe('the span the count is for, in years (1: a year)'),
});

const program = z.object({
  id: identifier,
  name: text,
  kind: z.enum(programKinds),
  description: text.optional(),
  tiers: z.array(identifier).default([]).describe('tiers the program is meant for; empty for everyone'),
  ranks,
  participationTarget: participationTarget.optional().describe('受講者規模: how many people the program means to reach'),
  requiredFor: z
    .array(identifier)
    .default([])
    .describe("tiers whose certification requires the program (必須研修): a candidate of the tier must have attended it since 1 April of the application's fiscal year; empty when it is required of none"),
  parts: z.array(programPart).default([]).describe('the parts the source names within the program, e.g. its trainings per tier'),
  keywords,
});

/** A rating scale step, for self-assessment and for evaluations by others. */
const ratingStep = z.object({
  value: z.number().int().min(0).max(9),
  label: text.describe('e.g. 実践できる'),
  labelEn: text.optional().describe('the label for English-speaking users'),
});

const yearlyTarget = z.object({
  fiscalYear: z.number().int().min(2000).max(2100).describe('Western year the fiscal year starts in (令和5年度 = 2023)'),
  tier: identifier.optional().describe('id of a tier; absent: every certified tier together'),
  count: z.number().int().positive(),
});

const evaluationViewpoint = z.object({
  id: identifier,
  name: text.describe('e.g. 政策的観点'),
  raters: text.describe('who rates from this viewpoint, e.g. 幹部職員'),
  description: text.optional(),
  tiers: z.array(identifier).default([]).describe('the tiers rated from this viewpoint, where the source limits it; empty for every tier'),
});

/** The skills an evaluation assesses candidates on, where the source names them (Moka's スキルマップ). */
const skillMap = z.object({
  skills: z.array(z.object({ name: text, note: text.optional().describe('what the source says the skill means, if anything') })).min(1),
  text: text.describe('how the source says they are assessed'),
});

const evaluation = z.object({
  tiers: z.array(identifier).min(1).describe('tiers certified through an evaluation by several raters'),
  viewpoints: z.array(evaluationViewpoint).min(1).max(6),
  scale: z.array(ratingStep).min(2).max(6).optional().describe('how raters rate, lowest first; a four-step default applies when absent'),
  skillMap: skillMap.optional().describe('the skills candidates are assessed and certified on'),
  text,
});

const appointment = z.object({
  tiers: z.array(identifier).min(1).describe('tiers HR appoints people to, rather than certifying an application'),
  perSection: identifier.optional().describe('a tier every section (the roster\'s section) should have one of: its KPI is coverage'),
  coverageUnit: text
    .optional()
    .describe("what the framework calls the section its coverage counts, as its document names it (e.g. 係); with perSection only, and the roster's section column must hold that unit"),
  text,
});

/** The rules a plain question can be about; each is answered from its own text in `rules` (or `answer`). */
export const ruleTopics = [
  'applicationWindow',
  'levelsCertified',
  'requiredSkillsAtApplication',
  'professionalTrack',
  'digitalExpert',
  'tiers',
  'kpi',
  'evaluation',
  'appointment',
] as const;

const ruleQuestions = z.object({
  topic: z.enum(ruleTopics),
  questions: z.array(text).min(1).describe('how people ask it, e.g. 募集はいつ; a question matches when it carries their words'),
  answer: text
    .optional()
    .describe("the source's own words, for a rule without a text of its own (levelsCertified, requiredSkillsAtApplication)"),
});

const rules = z.object({
  applicationWindow: z
    .object({
      month: z.number().int().min(1).max(12),
      tiers: z.array(identifier).min(1).describe('tiers one can apply for'),
      text,
    })
    .optional()
    .describe('absent when the city has no application window (the bot says so)'),
  levelsCertified: z.boolean().describe('false: levels are a growth guide, never certified'),
  requiredSkillsAtApplication: z
    .boolean()
    .optional()
    .describe('false: required skills are not asked for at application; absent when the source does not say (no applications)'),
  skillsAccumulate: text.optional(),
  professionalTrack: z
    .object({
      eligibleGrades: text.describe('as the source says it, e.g. 係長以下'),
      maxGrade: text.optional().describe('the highest grade (one of `grades`) that may apply; checked against the roster'),
      gradesQuoted: z
        .boolean()
        .optional()
        .describe("false: the order of `grades` is the roster's, not the source's; the bot says so where it checks the grade"),
      text,
    })
    .optional(),
  digitalExpert: z.object({ minLevel: levelNumber, text }).optional(),
  kpi: z
    .object({
      target: z.number().int().positive(),
      fromFiscalYear: z.number().int(),
      toFiscalYear: z.number().int(),
      achieved: z.number().int().nonnegative().optional(),
      text,
    })
    .optional(),
  targets: z.array(yearlyTarget).default([]).describe('yearly targets of certified people the source sets (HR may add more)'),
  evaluation: evaluation.optional().describe('multi-rater evaluation, for cities that certify that way'),
  appointment: appointment.optional().describe('tiers HR appoints to, for cities that nominate rather than certify'),
  notes: z.array(text).default([]),
  questions: z.array(ruleQuestions).default([]).describe('the questions each rule answers, in the words people use'),
});

const assessment = z.object({
  scale: z.array(ratingStep).min(2).max(6).describe('how employees rate each required skill, lowest first'),
  masteredFrom: z.number().int().min(0).max(9).describe('ratings at or above this value count as having the skill'),
});

/** A picture of the staff the source aims for, under its own heading (職員像, 人材育成の目標, めざす姿 …). */
const aim = z.object({
  heading: text.describe("the source's heading, e.g. DX推進に求められる職員像"),
  items: z.array(text).min(1).describe('its points, one a line, in the source\'s words'),
});

/** The whole framework file. */
export const frameworkDocumentSchema = z.object({
  $schema: z.string().optional(),
  id: identifier,
  name: text,
  city: text,
  published: text.describe('when the source was published, as the source says it'),
  source: text.describe('the document the data is taken from'),
  aims: z.array(aim).default([]).describe('the staff the source aims for (職員像, 人材育成の目標, めざす姿), each under its heading'),
  tiers: z.array(tier).min(1),
  levels: z.array(level).min(1),
  categories: z.array(category).min(1),
  roles: z.array(role),
  requiredSkills: z.array(requiredSkill),
  skillNotes: z
    .object({
      definition: text.optional().describe('shown under every skill definition, e.g. whose wording the definitions are'),
      example: text.optional().describe('shown under every example, e.g. the scenario the examples share'),
      recommended: text.optional().describe('shown above the recommended skills, e.g. why they are recommended rather than required'),
    })
    .optional(),
  recommendedSkillGroups: z.array(recommendedSkillGroup),
  trainingFocusItems: z.array(trainingFocusItem),
  programs: z.array(program),
  grades: z
    .array(text)
    .optional()
    .describe("the city's titles from the lowest to the highest, as the roster writes them (e.g. 主事 … 部長)"),
  contact: z
    .object({
      office: text.describe('e.g. 政策局 DX・AI戦略室'),
      phone: text.optional(),
      email: text.optional(),
      website: z.string().regex(/^https:\/\/\S+$/, 'an https address').optional().describe("the city's web site; the Teams app package links to it"),
    })
    .optional()
    .describe('where employees ask about programs and applications'),
  rules,
  assessment: assessment.optional().describe('the self-assessment scale; a four-step default applies when absent'),
});

export type FrameworkDocument = z.infer<typeof frameworkDocumentSchema>;
export type Tier = FrameworkDocument['tiers'][number];
export type Level = FrameworkDocument['levels'][number];
export type Category = FrameworkDocument['categories'][number];
export type Role = FrameworkDocument['roles'][number];
export type RequiredSkill = FrameworkDocument['requiredSkills'][number];
export type RecommendedSkillGroup = FrameworkDocument['recommendedSkillGroups'][number];
export type TrainingFocusItem = FrameworkDocument['trainingFocusItems'][number];
export type Program = FrameworkDocument['programs'][number];
export type ProgramPart = Program['parts'][number];
export type ProgramKind = (typeof programKinds)[number];
export type FrameworkRules = FrameworkDocument['rules'];
export type AssessmentSettings = NonNullable<FrameworkDocument['assessment']>;
export type RatingStep = AssessmentSettings['scale'][number];
export type YearlyTarget = FrameworkRules['targets'][number];
export type EvaluationRules = NonNullable<FrameworkRules['evaluation']>;
export type EvaluationViewpoint = EvaluationRules['viewpoints'][number];
export type AppointmentRules = NonNullable<FrameworkRules['appointment']>;
export type RuleTopic = (typeof ruleTopics)[number];
export type RuleQuestions = FrameworkRules['questions'][number];
