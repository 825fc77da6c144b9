import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { normalizeChatText } from '../chatText';
import { sendCard } from '../turn';
import { VERBS } from '../verbs';
import { askingInPersonalChat, hrOnly } from '../whoAsks';
import type { KpiDeps } from './deps';
import { KpiFlow } from './kpiFlow';

/** Chat words that open HR's KPI. */
const KPI_WORDS = /^(?:KPI|実績|ダッシュボード|dashboard)$/i;

/** True for a chat message asking for the KPI. */
export function isKpiCommand(text: string | undefined): boolean {
  return KPI_WORDS.test(normalizeChatText(text));
}

/** HR's KPI: the figures of a fiscal year and its targets. HR's alone. Register before the framework's catch-all route. */
export function registerInsightFeature(app: TeamsApplication<TurnState>, catalog: FrameworkCatalog, deps: KpiDeps): void {
  const kpi = new KpiFlow(deps);
  // The figures are not for a channel.
  const asHr = hrOnly(askingInPersonalChat(catalog, deps.roster, { title: 'kpi.name', body: 'kpi.personalOnly' }), deps.logger);

  app.message(
    (context) => Promise.resolve(isKpiCommand(context.activity.text)),
    async (context) => sendCard(context, await asHr(context, 'kpi', (who) => kpi.show(who))),
  );
  onAction(app, VERBS.hrKpi, (context, { kpiYear }) => asHr(context, 'kpi', (who) => kpi.show(who, kpiYear)));
  onAction(app, VERBS.hrKpiTargets, (context, { fiscalYear }) => asHr(context, 'kpi.targets', (who) => kpi.targets(who, fiscalYear)));
  onAction(app, VERBS.hrKpiSave, (context, { fiscalYear, seen, ...inputs }) =>
    asHr(context, 'kpi.save', (who) => kpi.save(who, fiscalYear, seen, inputs)),
  );
}
