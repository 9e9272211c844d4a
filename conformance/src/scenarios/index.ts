/** Every server scenario, in catalogue order. */
import type { ServerScenario } from '../model/scenario.ts';
import { jsonrpcScenarios } from './jsonrpc.ts';
import { lifecycleScenarios } from './lifecycle.ts';
import { promptsScenarios } from './prompts.ts';
import { resourcesScenarios } from './resources.ts';
import { stdioScenarios } from './stdio.ts';
import { streamableHttpScenarios } from './streamable-http.ts';
import { utilitiesScenarios } from './utilities.ts';
import { toolsScenarios } from './tools.ts';

export const SERVER_SCENARIOS: readonly ServerScenario[] = [
  ...lifecycleScenarios,
  ...jsonrpcScenarios,
  ...toolsScenarios,
  ...resourcesScenarios,
  ...promptsScenarios,
  ...utilitiesScenarios,
  ...stdioScenarios,
  ...streamableHttpScenarios,
];
