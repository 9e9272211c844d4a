/** Every server scenario, in catalogue order: the any-server depth first, then the fixture depth. */
import type { ServerScenario } from '../model/scenario.ts';
import { authorizationScenarios } from './authorization.ts';
import { fixtureCapabilitiesScenarios } from './fixture-capabilities.ts';
import { fixtureElicitationScenarios } from './fixture-elicitation.ts';
import { fixtureInteractionsScenarios } from './fixture-interactions.ts';
import { fixturePromptsScenarios } from './fixture-prompts.ts';
import { fixtureResourcesScenarios } from './fixture-resources.ts';
import { fixtureToolsScenarios } from './fixture-tools.ts';
import { fixtureTasksScenarios } from './fixture-tasks.ts';
import { fixtureTaskOutcomeScenarios } from './fixture-task-outcomes.ts';
import { fixtureTaskRelatedScenarios } from './fixture-task-related.ts';
import { fixtureUtilitiesScenarios } from './fixture-utilities.ts';
import { headerAnnotationScenarios, paramHeaderScenarios } from './header-annotations.ts';
import { jsonrpcScenarios } from './jsonrpc.ts';
import { lifecycleScenarios } from './lifecycle.ts';
import { promptsScenarios } from './prompts.ts';
import { httpResumeScenarios } from './http-resume.ts';
import { httpStreamsScenarios } from './http-streams.ts';
import { resourcesScenarios } from './resources.ts';
import { securityScenarios } from './security.ts';
import { statelessContextFixtureScenarios, statelessContextScenarios } from './stateless-context.ts';
import { listenCloseScenarios, statelessStreamScenarios } from './stateless-streams.ts';
import { stdioScenarios } from './stdio.ts';
import { streamableHttpScenarios } from './streamable-http.ts';
import { streamableHttpSseScenarios } from './streamable-http-sse.ts';
import { toolsScenarios } from './tools.ts';
import { utilitiesScenarios } from './utilities.ts';

export const SERVER_SCENARIOS: readonly ServerScenario[] = [
  ...lifecycleScenarios,
  ...jsonrpcScenarios,
  ...toolsScenarios,
  ...resourcesScenarios,
  ...statelessContextScenarios,
  ...promptsScenarios,
  ...utilitiesScenarios,
  ...securityScenarios,
  ...stdioScenarios,
  ...listenCloseScenarios,
  ...streamableHttpScenarios,
  ...streamableHttpSseScenarios,
  ...authorizationScenarios,
  ...headerAnnotationScenarios,
  ...httpStreamsScenarios,
  ...httpResumeScenarios,
  ...fixtureToolsScenarios,
  ...paramHeaderScenarios,
  ...fixtureResourcesScenarios,
  ...fixturePromptsScenarios,
  ...fixtureUtilitiesScenarios,
  ...fixtureTasksScenarios,
  ...fixtureTaskOutcomeScenarios,
  ...fixtureTaskRelatedScenarios,
  ...statelessStreamScenarios,
  ...statelessContextFixtureScenarios,
  ...fixtureInteractionsScenarios,
  ...fixtureElicitationScenarios,
  ...fixtureCapabilitiesScenarios,
];
