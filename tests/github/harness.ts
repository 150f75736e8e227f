/** A contract-checked GitHub server and a fast-retrying client pointed at it. */
import { createGitHubClient, type GitHub, type GitHubClientOptions } from '../../src/github/client.ts';
import { GitHubServer, TEST_TOKEN } from '../support/github-server.ts';

export interface Harness {
  server: GitHubServer;
  gh: GitHub;
  warnings: string[];
  client(options?: Partial<GitHubClientOptions>): GitHub;
}

export async function startHarness(): Promise<Harness> {
  const server = await GitHubServer.start();
  const warnings: string[] = [];
  const client = (options: Partial<GitHubClientOptions> = {}) =>
    createGitHubClient({
      token: TEST_TOKEN,
      baseUrl: server.url,
      log: { debug: () => {}, info: () => {}, warn: (message) => warnings.push(message) },
      // retry-after and back-off units become 5 ms; the server still sends GitHub's headers.
      retryAfterBaseMs: 5,
      timeoutMs: 2000,
      paceWrites: false,
      ...options,
    });
  return { server, gh: client(), warnings, client };
}
