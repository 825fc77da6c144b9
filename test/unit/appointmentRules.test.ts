import { APPOINTMENT, decideAppointment, decideEnding, isAppointment, type HeldTier } from '../../src/domain/appointment/appointment';
import type { Employee } from '../../src/domain/roster/employee';
import { kunisakiLikeFramework } from '../support/kunisakiLike';

const rules = kunisakiLikeFramework().rules.appointment!;
const hr = { isHr: true, aadObjectId: '99999999-9999-4999-8999-999999999999' };
const employee = { isHr: false, aadObjectId: '88888888-8888-4888-8888-888888888888' };
const appointee: Employee = {
  employeeNo: 'E1',
  name: '国東 一郎',
  email: 'ichiro@example.city.jp',
  aadObjectId: '11111111-1111-4111-8111-111111111111',
  department: '総務課',
  section: '総務係',
  grade: '主任',
  roles: [],
};
const appointed = (tier: string): HeldTier => ({ aadObjectId: appointee.aadObjectId, tier, applicationId: APPOINTMENT });
const certified: HeldTier = { aadObjectId: appointee.aadObjectId, tier: 'leader', applicationId: '2026-leader-x' };

describe('decideAppointment', () => {
  const appoint = (over: Partial<Parameters<typeof decideAppointment>[0]>): ReturnType<typeof decideAppointment> =>
    decideAppointment({ actor: hr, rules, tier: 'leader', appointee, held: undefined, ...over });

  it('lets HR appoint someone on the roster to a tier the framework appoints to', () => {
    expect(appoint({})).toEqual({ outcome: 'appoint' });
    expect(appoint({ tier: 'advanced' })).toEqual({ outcome: 'appoint' });
  });

  it('lets only HR appoint, whatever else is true', () => {
    expect(appoint({ actor: employee })).toEqual({ outcome: 'refused', refusal: 'hrOnly' });
    expect(appoint({ actor: employee, rules: undefined, appointee: undefined })).toEqual({ outcome: 'refused', refusal: 'hrOnly' });
  });

  it('appoints nobody in a framework without appointments', () => {
    expect(appoint({ rules: undefined })).toEqual({ outcome: 'refused', refusal: 'notAppointing' });
  });

  it('appoints only to the tiers the framework names, not to its other tiers or made-up ones', () => {
    for (const tier of ['general', 'gold', '', 'LEADER']) {
      expect({ tier, decision: appoint({ tier }) }).toEqual({ tier, decision: { outcome: 'refused', refusal: 'unknownTier' } });
    }
  });

  it('cannot appoint someone who is not on the roster', () => {
    expect(appoint({ appointee: undefined })).toEqual({ outcome: 'refused', refusal: 'notOnRoster' });
  });

  it('changes nothing when the person already holds that appointment', () => {
    expect(appoint({ held: appointed('leader') })).toEqual({ outcome: 'unchanged' });
  });

  it('replaces another appointment, and says which', () => {
    expect(appoint({ held: appointed('advanced') })).toEqual({ outcome: 'appoint', replaces: 'advanced' });
  });

  it('does not overwrite a tier certified after an application', () => {
    expect(appoint({ held: certified })).toEqual({ outcome: 'refused', refusal: 'certified' });
  });

  it('lets nobody appoint themselves, as nobody decides on their own application (ids compared case-insensitively)', () => {
    const self = { isHr: true, aadObjectId: appointee.aadObjectId.toUpperCase() };
    expect(appoint({ actor: self })).toEqual({ outcome: 'refused', refusal: 'ownAppointment' });
    expect(appoint({ actor: self, held: appointed('advanced') })).toEqual({ outcome: 'refused', refusal: 'ownAppointment' });
  });
});

describe('decideEnding', () => {
  const end = (over: Partial<Parameters<typeof decideEnding>[0]>): ReturnType<typeof decideEnding> =>
    decideEnding({ actor: hr, rules, held: appointed('leader'), confirmed: false, ...over });

  it('asks for a confirmation first, then ends', () => {
    expect(end({})).toEqual({ outcome: 'confirm' });
    expect(end({ confirmed: true })).toEqual({ outcome: 'end' });
  });

  it('lets nobody end their own appointment', () => {
    expect(end({ actor: { isHr: true, aadObjectId: appointee.aadObjectId }, confirmed: true })).toEqual({ outcome: 'refused', refusal: 'ownAppointment' });
  });

  it('lets only HR end an appointment, confirmed or not', () => {
    expect(end({ actor: employee })).toEqual({ outcome: 'refused', refusal: 'hrOnly' });
    expect(end({ actor: employee, confirmed: true })).toEqual({ outcome: 'refused', refusal: 'hrOnly' });
  });

  it('ends nothing in a framework without appointments', () => {
    expect(end({ rules: undefined, confirmed: true })).toEqual({ outcome: 'refused', refusal: 'notAppointing' });
  });

  it('has nothing to end when the person holds no appointment, or a certified tier', () => {
    expect(end({ held: undefined, confirmed: true })).toEqual({ outcome: 'refused', refusal: 'notAppointed' });
    expect(end({ held: certified, confirmed: true })).toEqual({ outcome: 'refused', refusal: 'notAppointed' });
  });
});

describe('isAppointment', () => {
  it('tells an appointment from a certification', () => {
    expect(isAppointment(appointed('leader'))).toBe(true);
    expect(isAppointment(certified)).toBe(false);
  });
});
