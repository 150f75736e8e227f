/** Credentials for the image's registry: explicit inputs, else GHCR with the workflow's own token. */
import { UserError } from '../errors.ts';
import type { RegistryAuth } from '../docker/push.ts';
import { parseImageName, registryServerAddress } from '../docker/reference.ts';
import type { RunContext } from './context.ts';
import type { Settings } from './inputs.ts';

/** `ghcr.io/<owner>/<repo>` unless the `image` input names one; Docker names are lowercase. */
export function imageName(settings: Settings, context: RunContext): string {
  return (settings.image || `ghcr.io/${context.owner}/${context.repo}`).toLowerCase();
}

/**
 * Credentials for the configured image's registry, never for a name read elsewhere: a baseline record may
 * name any registry, and whatever receives these can push as this repository.
 */
export function registryAuth(settings: Settings, context: RunContext): RegistryAuth {
  const { registry } = parseImageName(imageName(settings, context));
  if (settings.registryPassword) {
    if (!settings.registryUsername) throw new UserError('`registry-password` is set but `registry-username` is not', { field: 'registry-username' });
    return { username: settings.registryUsername, password: settings.registryPassword, serveraddress: registryServerAddress(registry) };
  }
  if (registry === 'ghcr.io' && settings.token) {
    // GHCR takes the workflow's GITHUB_TOKEN (with `packages: write`) for any user name; the actor is conventional.
    return { username: settings.registryUsername || context.actor || 'github-actions', password: settings.token, serveraddress: registry };
  }
  throw new UserError(`pushing to ${registry} needs \`registry-username\` and \`registry-password\` (or set \`push: false\`)`, { field: 'registry-password' });
}
