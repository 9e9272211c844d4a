/** Every server scenario, in catalogue order: the any-server depth first, then the fixture depth. */
import type { ServerScenario } from '../model/scenario.ts';
import { fixtureCapabilitiesScenarios } from './fixture-capabilities.ts';
import { fixtureInteractionsScenarios } from './fixture-interactions.ts';
import { fixturePromptsScenarios } from './fixture-prompts.ts';
import { fixtureResourcesScenarios } from './fixture-resources.ts';
import { fixtureToolsScenarios } from './fixture-tools.ts';
import { fixtureUtilitiesScenarios } from './fixture-utilities.ts';
import { headerAnnotationScenarios, paramHeaderScenarios } from './header-annotations.ts';
import { jsonrpcScenarios } from './jsonrpc.ts';
import { lifecycleScenarios } from './lifecycle.ts';
import { promptsScenarios } from './prompts.ts';
import { resourcesScenarios } from './resources.ts';
import {
  hostileUriScenarios,
  statelessContextFixtureScenarios,
  statelessContextScenarios,
} from './stateless-context.ts';
import { listenCloseScenarios, statelessStreamScenarios } from './stateless-streams.ts';
import { stdioScenarios } from './stdio.ts';
import { streamableHttpScenarios } from './streamable-http.ts';
import { toolsScenarios } from './tools.ts';
import { utilitiesScenarios } from './utilities.ts';

export const SERVER_SCENARIOS: readonly ServerScenario[] = [
  ...lifecycleScenarios,
  ...jsonrpcScenarios,
  ...toolsScenarios,
  ...resourcesScenarios,
  ...statelessContextScenarios,
  ...hostileUriScenarios,
  ...promptsScenarios,
  ...utilitiesScenarios,
  ...stdioScenarios,
  ...listenCloseScenarios,
  ...streamableHttpScenarios,
  ...headerAnnotationScenarios,
  ...fixtureToolsScenarios,
  ...paramHeaderScenarios,
  ...fixtureResourcesScenarios,
  ...fixturePromptsScenarios,
  ...fixtureUtilitiesScenarios,
  ...statelessStreamScenarios,
  ...statelessContextFixtureScenarios,
  ...fixtureInteractionsScenarios,
  ...fixtureCapabilitiesScenarios,
];
