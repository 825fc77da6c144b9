import {
  applicantOfApplicationId,
  act,
  awaitsEligibility,
  applicationId,
  COMMENT_MAX,
  lastDecision,
  needsReminder,
  overrideEligibility,
  reassign,
  submitApplication,
  type Actor,
  type Application,
  type ApplicationOutcome,
  type ApplicationState,
  type AuditEntry,
} from '../../src/domain/applications/application';

type Step = Parameters<typeof act>[2];

const DAY = 24 * 60 * 60 * 1000;

const applicant: Actor = { aadObjectId: 'applicant-1', name: '山田 花子', isHr: false };
const manager: Actor = { aadObjectId: 'manager-1', name: '佐藤 課長', isHr: false };
const deputy: Actor = { aadObjectId: 'deputy-1', name: '鈴木 課長補佐', isHr: false };
const hr: Actor = { aadObjectId: 'hr-1', name: '人事 太郎', isHr: true };
const otherHr: Actor = { aadObjectId: 'hr-2', name: '人事 次郎', isHr: true };
const bystander: Actor = { aadObjectId: 'other-1', name: '田中 一郎', isHr: false };

const ALL_STATES: readonly ApplicationState[] = [
  'submitted',
  'withdrawn',
  'approved',
  'rejected',
  'selected',
  'notSelected',
  'trainingCompleted',
  'certified',
];

/** The rules as the strategy states them, written out independently of the code under test. */
const RULES: Record<Step, { from: ApplicationState; to: ApplicationState; by: Actor; comment?: string }> = {
  withdraw: { from: 'submitted', to: 'withdrawn', by: applicant },
  approve: { from: 'submitted', to: 'approved', by: manager },
  reject: { from: 'submitted', to: 'rejected', by: manager, comment: '今年度は業務都合のため' },
  select: { from: 'approved', to: 'selected', by: hr },
  notSelect: { from: 'approved', to: 'notSelected', by: hr },
  completeTraining: { from: 'selected', to: 'trainingCompleted', by: hr },
  certify: { from: 'trainingCompleted', to: 'certified', by: hr },
};
const STEPS = Object.keys(RULES) as Step[];

/** How to get to each state from "submitted" through the real transitions. */
const PATHS: Record<ApplicationState, readonly Step[]> = {
  submitted: [],
  withdrawn: ['withdraw'],
  approved: ['approve'],
  rejected: ['reject'],
  selected: ['approve', 'select'],
  notSelected: ['approve', 'notSelect'],
  trainingCompleted: ['approve', 'select', 'completeTraining'],
  certified: ['approve', 'select', 'completeTraining', 'certify'],
};

const submittedAt = new Date('2026-06-10T01:00:00.000Z');
const later = new Date('2026-06-12T03:30:00.000Z');

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function submission(who: Actor = applicant, approver: Actor = manager): Parameters<typeof submitApplication>[0] {
  return {
    frameworkId: 'kitakyushu',
    fiscalYear: 2026,
    track: 'gold',
    applicant: { aadObjectId: who.aadObjectId, name: who.name, employeeNo: 'E0001', department: 'デジタル市役所推進室', grade: '主任' },
    approver: { aadObjectId: approver.aadObjectId, name: approver.name },
    motivation: '窓口手続のデジタル化を進めたいと考えています。',
  };
}

function submitted(who: Actor = applicant, approver: Actor = manager): Application {
  return submitApplication(submission(who, approver), submittedAt);
}

function expectOk(outcome: ApplicationOutcome): Application {
  if (!outcome.ok) throw new Error(`expected success, got refusal ${outcome.refusal}`);
  return outcome.application;
}

/** An application by `who`, brought to `state` through the real transitions one hour apart, then deep-frozen. */
function reach(state: ApplicationState, who: Actor = applicant, approver: Actor = manager): Application {
  let application = submitted(who, approver);
  PATHS[state].forEach((step, i) => {
    const rule = RULES[step];
    const actor = rule.by === applicant ? who : rule.by === manager ? approver : rule.by;
    application = expectOk(act(application, actor, step, new Date(submittedAt.getTime() + (i + 1) * 60 * 60 * 1000), rule.comment));
  });
  expect(application.state).toBe(state);
  return deepFreeze(application);
}

describe('applicationId', () => {
  it('joins fiscal year, track and the lower-cased applicant id', () => {
    expect(applicationId(2026, 'gold', 'ABCD-Ef01')).toBe('2026-gold-abcd-ef01');
    expect(applicationId(2027, 'professional', 'x')).toBe('2027-professional-x');
  });

  it('names its applicant back when the applicant is an Entra object id, whatever the track is called', () => {
    const entraId = '3F2504E0-4F89-11D3-9A0C-0305E82C3301';
    expect(applicantOfApplicationId(applicationId(2026, 'gold', entraId))).toBe(entraId.toLowerCase());
    expect(applicantOfApplicationId(applicationId(2026, 'dx-leader', entraId))).toBe(entraId.toLowerCase());
    expect(applicantOfApplicationId(applicationId(2026, 'gold', 'not-an-entra-id'))).toBeUndefined();
    expect(applicantOfApplicationId('')).toBeUndefined();
  });
});

describe('submitApplication', () => {
  it('creates a submitted application with its id, times and a single submit entry', () => {
    const input = deepFreeze({ ...submission(), applicant: { ...submission().applicant, aadObjectId: 'Applicant-MIXED' } });
    const application = submitApplication(input, submittedAt);

    expect(application.id).toBe(applicationId(2026, 'gold', 'Applicant-MIXED'));
    expect(application.id).toBe('2026-gold-applicant-mixed');
    expect(application.state).toBe('submitted');
    expect(application.submittedAt).toBe('2026-06-10T01:00:00.000Z');
    expect(application.updatedAt).toBe('2026-06-10T01:00:00.000Z');
    expect(application.lastRemindedAt).toBeUndefined();
    expect(application.trail).toEqual([
      {
        at: '2026-06-10T01:00:00.000Z',
        by: 'Applicant-MIXED',
        byName: '山田 花子',
        action: 'submit',
        to: 'submitted',
        approverId: input.approver.aadObjectId,
      },
    ]);
    expect(application.trail[0]).not.toHaveProperty('from');
    // The rest of the input is carried over as given.
    expect(application).toMatchObject(input);
  });

  it('keeps a previous trail and appends the new submit entry', () => {
    const previous = reach('withdrawn').trail;
    const application = submitApplication(submission(), later, previous);

    expect(application.trail).toHaveLength(previous.length + 1);
    expect(application.trail.slice(0, previous.length)).toEqual(previous);
    expect(application.trail[previous.length]).toEqual({
      at: later.toISOString(),
      by: applicant.aadObjectId,
      byName: applicant.name,
      action: 'submit',
      to: 'submitted',
      approverId: submission().approver.aadObjectId,
    });
    expect(application.submittedAt).toBe(later.toISOString());
    expect(previous).toHaveLength(2); // the given trail itself is untouched (it is frozen, too)
  });
});

describe('act: every transition', () => {
  it.each(STEPS)('%s moves the application and records who, what, from, to and when', (step) => {
    const rule = RULES[step];
    const before = reach(rule.from);
    const snapshot = structuredClone(before);

    const after = expectOk(act(before, rule.by, step, later, rule.comment));

    expect(after.state).toBe(rule.to);
    expect(after.updatedAt).toBe(later.toISOString());
    expect(after.submittedAt).toBe(before.submittedAt);
    expect(after.id).toBe(before.id);
    expect(after.approver).toEqual(before.approver);
    expect(after.trail).toHaveLength(before.trail.length + 1);
    expect(after.trail.slice(0, -1)).toEqual(before.trail);
    const entry: AuditEntry = {
      at: later.toISOString(),
      by: rule.by.aadObjectId,
      byName: rule.by.name,
      action: step,
      from: rule.from,
      to: rule.to,
      ...(rule.comment ? { comment: rule.comment } : {}),
    };
    expect(after.trail.at(-1)).toEqual(entry);
    // The input is neither mutated (it is deep-frozen) nor different from before.
    expect(before).toEqual(snapshot);
    expect(before.state).toBe(rule.from);
  });

  it('records an optional comment on an approval, and none when the comment is blank', () => {
    const withComment = expectOk(act(reach('submitted'), manager, 'approve', later, '  期待しています  '));
    expect(withComment.trail.at(-1)?.comment).toBe('期待しています');

    const blank = expectOk(act(reach('submitted'), manager, 'approve', later, '   '));
    expect(blank.trail.at(-1)).not.toHaveProperty('comment');
  });

  it('lets an HR member who is the designated approver approve', () => {
    const application = reach('submitted', applicant, hr);
    expect(expectOk(act(application, hr, 'approve', later)).state).toBe('approved');
  });
});

describe('act: refusals', () => {
  const wrongStates = STEPS.flatMap((step) =>
    ALL_STATES.filter((state) => state !== RULES[step].from).map((state) => [step, state] as const),
  );

  it('covers every action from every state it may not be taken from', () => {
    expect(wrongStates).toHaveLength(STEPS.length * (ALL_STATES.length - 1));
  });

  it.each(wrongStates)('%s from %s is wrongState, even by the right person', (step, state) => {
    const rule = RULES[step];
    const before = reach(state);
    expect(act(before, rule.by, step, later, rule.comment)).toEqual({ ok: false, refusal: 'wrongState' });
  });

  it.each(['approve', 'reject'] as const)('the approver may not %s their own application (ownApplication)', (step) => {
    const own = reach('submitted', manager, manager);
    expect(own.applicant.aadObjectId).toBe(own.approver.aadObjectId);
    expect(act(own, manager, step, later, '理由')).toEqual({ ok: false, refusal: 'ownApplication' });
  });

  it.each(['approve', 'reject'] as const)('the applicant may not %s their own application', (step) => {
    expect(act(reach('submitted'), applicant, step, later, '理由')).toEqual({ ok: false, refusal: 'ownApplication' });
  });

  it.each([
    ['a bystander', bystander, 'approve'],
    ['a bystander', bystander, 'reject'],
    ['HR who is not the approver', hr, 'approve'],
    ['HR who is not the approver', hr, 'reject'],
    ['a deputy before reassignment', deputy, 'approve'],
  ] as const)('%s may not %s (notAllowed)', (_label, actor, step) => {
    expect(act(reach('submitted'), actor, step, later, '理由')).toEqual({ ok: false, refusal: 'notAllowed' });
  });

  it.each([manager, hr, bystander])('only the applicant may withdraw: $name is refused (notAllowed)', (actor) => {
    expect(act(reach('submitted'), actor, 'withdraw', later)).toEqual({ ok: false, refusal: 'notAllowed' });
  });

  const hrSteps = (['select', 'notSelect', 'completeTraining', 'certify'] as const).flatMap((step) =>
    [applicant, manager, bystander].map((actor) => [step, actor.name, actor] as const),
  );

  it.each(hrSteps)('%s by non-HR %s is notAllowed', (step, _name, actor) => {
    expect(act(reach(RULES[step].from), actor, step, later)).toEqual({ ok: false, refusal: 'notAllowed' });
  });

  it.each(['select', 'notSelect', 'completeTraining', 'certify'] as const)(
    'HR may not %s their own application (ownApplication)',
    (step) => {
      // otherHr applies; hr (a different HR member) takes the earlier HR steps on the way.
      const own = reach(RULES[step].from, otherHr);
      expect(act(own, otherHr, step, later)).toEqual({ ok: false, refusal: 'ownApplication' });
      // The same step by a different HR member is fine.
      expect(expectOk(act(own, hr, step, later)).state).toBe(RULES[step].to);
    },
  );

  it.each([undefined, '', ' ', '   ', '\n\t　'])('reject with comment %j is commentRequired', (comment) => {
    expect(act(reach('submitted'), manager, 'reject', later, comment)).toEqual({ ok: false, refusal: 'commentRequired' });
  });
});

describe('act: comments', () => {
  it('trims the comment', () => {
    const rejected = expectOk(act(reach('submitted'), manager, 'reject', later, '  \n 人員配置の都合 \t '));
    expect(rejected.trail.at(-1)?.comment).toBe('人員配置の都合');
  });

  it('keeps a comment of exactly COMMENT_MAX characters whole', () => {
    const comment = 'あ'.repeat(COMMENT_MAX);
    const rejected = expectOk(act(reach('submitted'), manager, 'reject', later, comment));
    expect(rejected.trail.at(-1)?.comment).toBe(comment);
  });

  it('cuts a longer comment at COMMENT_MAX, after trimming', () => {
    const body = 'x'.repeat(COMMENT_MAX - 1) + 'yz' + 'w'.repeat(100);
    const rejected = expectOk(act(reach('submitted'), manager, 'reject', later, `    ${body}`));
    const comment = rejected.trail.at(-1)?.comment;
    expect(comment).toHaveLength(COMMENT_MAX);
    expect(comment).toBe('x'.repeat(COMMENT_MAX - 1) + 'y');
  });
});

describe('the grade check and HR overruling it', () => {
  /** A professional-track application the roster's grade put in question, approved by the manager. */
  const questioned = (): Application => ({ ...reach('approved'), gradeCheck: 'gradeAbove' });
  const reason = '情報部門の実務経験から要件を満たすと判断';

  it('holds selection until HR overrules it; not selecting is allowed', () => {
    expect(awaitsEligibility(questioned())).toBe(true);
    expect(act(questioned(), hr, 'select', later)).toEqual({ ok: false, refusal: 'eligibilityUndecided' });
    expect(expectOk(act(questioned(), hr, 'notSelect', later)).state).toBe('notSelected');
    expect(awaitsEligibility(reach('approved'))).toBe(false);
  });

  it('is overruled by HR with a reason, recorded with who decided, the state unchanged; then HR may select', () => {
    const before = questioned();
    const after = expectOk(overrideEligibility(before, hr, later, `  ${reason}  `));
    expect(after.state).toBe('approved');
    expect(after.trail.at(-1)).toEqual({
      at: later.toISOString(),
      by: hr.aadObjectId,
      byName: hr.name,
      action: 'overrideEligibility',
      from: 'approved',
      to: 'approved',
      comment: reason,
    });
    expect(awaitsEligibility(after)).toBe(false);
    expect(lastDecision(after)?.action).toBe('approve');
    expect(expectOk(act(after, hr, 'select', later)).state).toBe('selected');
  });

  it('is refused without a reason, to anyone but HR, to HR on their own application, twice, or after selection', () => {
    expect(overrideEligibility(questioned(), hr, later, '  ')).toEqual({ ok: false, refusal: 'reasonRequired' });
    for (const actor of [applicant, manager, bystander]) {
      expect(overrideEligibility(questioned(), actor, later, reason)).toEqual({ ok: false, refusal: 'notAllowed' });
    }
    const own: Application = { ...reach('approved', otherHr), gradeCheck: 'gradeUnknown' };
    expect(overrideEligibility(own, otherHr, later, reason)).toEqual({ ok: false, refusal: 'ownApplication' });
    const once = expectOk(overrideEligibility(questioned(), hr, later, reason));
    expect(overrideEligibility(once, otherHr, later, reason)).toEqual({ ok: false, refusal: 'eligibilityDecided' });
    expect(overrideEligibility(reach('approved'), hr, later, reason)).toEqual({ ok: false, refusal: 'wrongState' });
    expect(overrideEligibility({ ...reach('rejected'), gradeCheck: 'gradeAbove' }, hr, later, reason)).toEqual({ ok: false, refusal: 'wrongState' });
  });
});

describe('reassign', () => {
  const to = { aadObjectId: deputy.aadObjectId, name: deputy.name };

  it('by HR while submitted changes the approver and records the new approver in the trail', () => {
    const before = reach('submitted');
    const after = expectOk(reassign(before, hr, to, later));

    expect(after.approver).toEqual(to);
    expect(after.state).toBe('submitted');
    expect(after.updatedAt).toBe(later.toISOString());
    expect(after.submittedAt).toBe(before.submittedAt);
    expect(after.trail.slice(0, -1)).toEqual(before.trail);
    expect(after.trail.at(-1)).toEqual({
      at: later.toISOString(),
      by: hr.aadObjectId,
      byName: hr.name,
      action: 'reassign',
      from: 'submitted',
      to: 'submitted',
      approverId: deputy.aadObjectId,
      // From whom to whom, as the trail says it to HR.
      approverName: deputy.name,
      previousApproverName: before.approver.name,
    });
    expect(before.approver.aadObjectId).toBe(manager.aadObjectId);
  });

  it.each([manager, applicant, bystander, deputy])('is refused for non-HR $name (notAllowed)', (actor) => {
    expect(reassign(reach('submitted'), actor, to, later)).toEqual({ ok: false, refusal: 'notAllowed' });
  });

  it('is refused to HR on their own application (ownApplication)', () => {
    expect(reassign(reach('submitted', hr), hr, to, later)).toEqual({ ok: false, refusal: 'ownApplication' });
  });

  it.each(ALL_STATES.filter((s) => s !== 'submitted'))('is refused once the application is %s (wrongState)', (state) => {
    expect(reassign(reach(state), hr, to, later)).toEqual({ ok: false, refusal: 'wrongState' });
  });

  it('is refused to the applicant themselves (ownApplication)', () => {
    const self = { aadObjectId: applicant.aadObjectId, name: applicant.name };
    expect(reassign(reach('submitted'), hr, self, later)).toEqual({ ok: false, refusal: 'ownApplication' });
  });

  it('is refused to the same approver (sameApprover)', () => {
    const same = { aadObjectId: manager.aadObjectId, name: manager.name };
    expect(reassign(reach('submitted'), hr, same, later)).toEqual({ ok: false, refusal: 'sameApprover' });
  });

  it('hands the decision over: the new approver may decide, the old one may not', () => {
    const moved = deepFreeze(expectOk(reassign(reach('submitted'), hr, to, later)));

    expect(act(moved, manager, 'approve', later)).toEqual({ ok: false, refusal: 'notAllowed' });
    expect(act(moved, manager, 'reject', later, '理由')).toEqual({ ok: false, refusal: 'notAllowed' });
    // HR still may not decide after reassigning to someone else.
    expect(act(moved, hr, 'approve', later)).toEqual({ ok: false, refusal: 'notAllowed' });

    const approved = expectOk(act(moved, deputy, 'approve', later));
    expect(approved.state).toBe('approved');
    expect(approved.trail.at(-1)).toMatchObject({ by: deputy.aadObjectId, action: 'approve', from: 'submitted', to: 'approved' });
  });

  it('can be done twice, back to the original approver', () => {
    const there = expectOk(reassign(reach('submitted'), hr, to, later));
    const back = expectOk(reassign(there, hr, { aadObjectId: manager.aadObjectId, name: manager.name }, later));
    expect(back.approver.aadObjectId).toBe(manager.aadObjectId);
    expect(back.trail.map((e) => e.action)).toEqual(['submit', 'reassign', 'reassign']);
    expect(expectOk(act(back, manager, 'approve', later)).state).toBe('approved');
  });
});

describe('lastDecision', () => {
  it('is the submit entry for a fresh application', () => {
    const application = reach('submitted');
    expect(lastDecision(application)).toBe(application.trail[0]);
  });

  it('is not a reassignment, even though a reassignment ends in the current state', () => {
    const moved = expectOk(reassign(reach('submitted'), hr, { aadObjectId: deputy.aadObjectId, name: deputy.name }, later));
    expect(lastDecision(moved)?.action).toBe('submit');
  });

  it('is the approval after a reassignment and an approval', () => {
    const moved = expectOk(reassign(reach('submitted'), hr, { aadObjectId: deputy.aadObjectId, name: deputy.name }, later));
    const approved = expectOk(act(moved, deputy, 'approve', new Date('2026-06-13T00:00:00.000Z')));
    expect(lastDecision(approved)).toEqual(expect.objectContaining({ action: 'approve', by: deputy.aadObjectId, at: '2026-06-13T00:00:00.000Z' }));
  });

  it.each(STEPS)('after %s, it is that entry', (step) => {
    const after = reach(RULES[step].to);
    const decision = lastDecision(after);
    expect(decision?.action).toBe(step);
    expect(decision?.to).toBe(RULES[step].to);
    expect(decision).toBe(after.trail.at(-1));
  });

  it('picks the latest such entry when an earlier application in the trail reached the same state', () => {
    const firstRejection = reach('rejected');
    const again = submitApplication(submission(), new Date('2027-06-05T00:00:00.000Z'), firstRejection.trail);
    const rejectedAgain = expectOk(act(again, manager, 'reject', new Date('2027-06-06T00:00:00.000Z'), '再度見送り'));

    expect(rejectedAgain.trail.filter((e) => e.to === 'rejected')).toHaveLength(2);
    expect(lastDecision(rejectedAgain)).toMatchObject({ action: 'reject', at: '2027-06-06T00:00:00.000Z', comment: '再度見送り' });
    expect(lastDecision(again)).toMatchObject({ action: 'submit', at: '2027-06-05T00:00:00.000Z' });
  });
});

describe('needsReminder', () => {
  const N = 3;
  const at = (ms: number) => new Date(submittedAt.getTime() + ms);

  it('is due exactly N days after submission, not a millisecond earlier', () => {
    const application = reach('submitted');
    expect(needsReminder(application, submittedAt, N)).toBe(false);
    expect(needsReminder(application, at(N * DAY - 1), N)).toBe(false);
    expect(needsReminder(application, at(N * DAY), N)).toBe(true);
    expect(needsReminder(application, at(30 * DAY), N)).toBe(true);
  });

  it.each(ALL_STATES.filter((s) => s !== 'submitted'))('is false once %s, however long it waited', (state) => {
    expect(needsReminder(reach(state), at(365 * DAY), N)).toBe(false);
  });

  it('after a reminder, is due N days after that reminder', () => {
    const remindedAt = at(5 * DAY);
    const reminded: Application = { ...reach('submitted'), lastRemindedAt: remindedAt.toISOString() };

    // Well over N days since submission, but the last reminder was recent.
    expect(needsReminder(reminded, at(6 * DAY), N)).toBe(false);
    expect(needsReminder(reminded, new Date(remindedAt.getTime() + N * DAY - 1), N)).toBe(false);
    expect(needsReminder(reminded, new Date(remindedAt.getTime() + N * DAY), N)).toBe(true);
  });

  it('follows the number of days it is given', () => {
    const application = reach('submitted');
    expect(needsReminder(application, at(2 * DAY), 2)).toBe(true);
    expect(needsReminder(application, at(2 * DAY), 7)).toBe(false);
  });
});
