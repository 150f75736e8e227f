/** The use cases' Logger (src/logger.ts) on top of @actions/core: groups fold in the Actions log, warnings become annotations. */
import * as core from '@actions/core';
import type { Logger } from '../logger.ts';
import type { GitHubLog } from '../github/client.ts';

export const actionLogger: Logger & GitHubLog = {
  info: (message) => core.info(message),
  warn: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  group: (title, fn) => core.group(title, fn),
};
