/**
 * The Bot Connector hosts of Teams (commercial, GCC, GCC High, DoD): the only places a signed bot sends its token to.
 * A conversation reference is stored data; whatever `serviceUrl` it holds, the token goes nowhere else.
 */
const TEAMS_SERVICE_HOSTS = new Set([
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
]);

/** In local mode (no app id, so no token) replies go to the local stand-in for Teams on this machine only. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when the bot may post to `serviceUrl`: Teams' own hosts over HTTPS when it signs its requests, else loopback. */
export function isTrustedServiceUrl(serviceUrl: string | undefined, signed: boolean): boolean {
  if (!serviceUrl || !URL.canParse(serviceUrl)) return false;
  const url = new URL(serviceUrl);
  if (signed) return url.protocol === 'https:' && TEAMS_SERVICE_HOSTS.has(url.hostname.toLowerCase());
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
}
