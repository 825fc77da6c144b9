import { fiscalYearOfApplication } from '../../domain/applications/application';
import type { Framework } from '../../domain/framework/framework';
import { samePerson } from '../../domain/roster/employee';
import type { ApplicationRepository } from '../../storage/applicationRepository';
import type { CardBuilder } from '../notifier';
import type { Redrafters } from '../outbox/outbox';
import { applicationUpdateCard } from './notifyApplicant';
import { approvalCard } from './views/approvalCard';

/** The letters an application sends, drawn again when their recipient comes back. */
export function applicationRedrafters(applications: ApplicationRepository): Pick<Redrafters, 'approvalRequest' | 'applicationUpdate'> {
  const find = async (framework: Framework, applicationId: string) =>
    (await applications.find(framework.id, fiscalYearOfApplication(applicationId), applicationId))?.application;
  return {
    // Still a request only while it waits for this recipient: decided, withdrawn or reassigned, it has no news for them.
    async approvalRequest(letter, framework, recipient): Promise<CardBuilder | undefined> {
      const application = await find(framework, letter.applicationId);
      const waitsForThem = application?.state === 'submitted' && samePerson(application.approver.aadObjectId, recipient);
      if (!waitsForThem) return undefined;
      return (t, locale, teamsUserId) => approvalCard(framework, application, { aadObjectId: application.approver.aadObjectId, teamsUserId }, t, locale);
    },
    async applicationUpdate(letter, framework): Promise<CardBuilder | undefined> {
      const application = await find(framework, letter.applicationId);
      return application && applicationUpdateCard(framework, application);
    },
  };
}
