// Stands in for @actions/core's lib/oidc-utils.js in the bundle (see withoutCoreOidc in bundle.ts).
export class OidcClient {
  static getIDToken(): Promise<string> {
    return Promise.reject(new Error('core.getIDToken is left out of the model-ci bundle (scripts/bundle.ts)'));
  }
}
