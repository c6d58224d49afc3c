/** The game server is the page's own origin (one port serves page, API and sockets). */
export function serverEndpoint(loc: Location = window.location): string {
  const proto = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${proto}://${loc.host}`;
}
