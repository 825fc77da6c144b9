import { ApplicationRepository } from './applicationRepository';
import { ApplicationWindowRepository } from './applicationWindowRepository';
import { CertificationRepository } from './certificationRepository';
import { AssessmentRepository } from './assessmentRepository';
import { ConversationRepository } from './conversationRepository';
import { DatasetStore } from './datasetStore';
import { FrameworkRepository } from './frameworkRepository';
import { RosterRepository } from './rosterRepository';
import { TABLE_NAMES } from './tables';
import type { TableStorage } from './tableStorage';

/** Every repository the bot and the import commands use. */
export interface Repositories {
  readonly frameworks: FrameworkRepository;
  readonly roster: RosterRepository;
  readonly conversations: ConversationRepository;
  readonly assessments: AssessmentRepository;
  readonly applicationWindows: ApplicationWindowRepository;
  readonly applications: ApplicationRepository;
  readonly certifications: CertificationRepository;
}

/** Wires the repositories to their tables. */
export function createRepositories(storage: TableStorage): Repositories {
  const heads = storage.table(TABLE_NAMES.datasets);
  return {
    frameworks: new FrameworkRepository(new DatasetStore('framework', heads, storage.table(TABLE_NAMES.frameworkItems))),
    roster: new RosterRepository(new DatasetStore('roster', heads, storage.table(TABLE_NAMES.rosterEntries))),
    conversations: new ConversationRepository(storage.table(TABLE_NAMES.conversations)),
    assessments: new AssessmentRepository(storage.table(TABLE_NAMES.assessments)),
    applicationWindows: new ApplicationWindowRepository(storage.table(TABLE_NAMES.applicationWindows)),
    applications: new ApplicationRepository(storage.table(TABLE_NAMES.applications)),
    certifications: new CertificationRepository(storage.table(TABLE_NAMES.certifications)),
  };
}
