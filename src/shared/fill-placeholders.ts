// A message template's {name} placeholders filled from params, for the tablet's i18n and for the
// admin command line, which prints the same CSV messages the import screen shows.
export function fillPlaceholders(template: string, params?: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}
