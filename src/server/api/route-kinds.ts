// Who calls which API routes, where the hooks that guard every route must tell them apart: the
// tablets (sync protocol header, bearer device token), the store console in a browser (session
// cookie, console/console-session.ts) and a dealer management system fetching the export (an
// administrator's credentials, checked by its route).

const CONSOLE_PREFIX = '/api/v1/console/';
export const DMS_EXPORT_ROUTE = '/api/v1/export';

export function isConsoleRoute(route: string): boolean {
  return route.startsWith(CONSOLE_PREFIX);
}

/** Routes the tablets call: they send the sync protocol's version and a device token. */
export function isTabletRoute(route: string): boolean {
  return route.startsWith('/api/') && !isConsoleRoute(route) && route !== DMS_EXPORT_ROUTE;
}
