import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { VERBS } from '../verbs';
import { askingInPersonalChat, hrOnly } from '../whoAsks';
import type { KpiDeps } from './deps';
import { INSIGHT_INTENTS } from './intents';
import { KpiFlow } from './kpiFlow';

/** HR's KPI: the figures of a fiscal year and its targets. HR's alone. */
export function registerInsightFeature(app: TeamsApplication<TurnState>, router: MessageRouter, catalog: FrameworkCatalog, deps: KpiDeps): void {
  const kpi = new KpiFlow(deps);
  // The figures are not for a channel.
  const asHr = hrOnly(askingInPersonalChat(catalog, deps.roster, { title: 'kpi.name', body: 'kpi.personalOnly' }), deps.logger);

  router.on(INSIGHT_INTENTS.kpi, (context) => asHr(context, 'kpi', (who) => kpi.show(who)));
  onAction(app, VERBS.hrKpi, (context, { kpiYear }) => asHr(context, 'kpi', (who) => kpi.show(who, kpiYear)));
  onAction(app, VERBS.hrKpiTargets, (context, { fiscalYear }) => asHr(context, 'kpi.targets', (who) => kpi.targets(who, fiscalYear)));
  onAction(app, VERBS.hrKpiSave, (context, { fiscalYear, seen, ...inputs }) =>
    asHr(context, 'kpi.save', (who) => kpi.save(who, fiscalYear, seen, inputs)),
  );
}
