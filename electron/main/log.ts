/**
 * The shell's only logger. It takes an event name and a few scalar fields chosen by the caller
 * in this folder; it is never handed a request input, a token, an error message from the core or
 * anything typed by a user, so neither secrets nor personal data can reach stdout or a log file.
 */
type LogField = string | number | boolean;

export function logEvent(event: string, fields: Readonly<Record<string, LogField>> = {}): void {
  const parts = Object.entries(fields).map(([key, value]) => `${key}=${String(value)}`);
  console.log(['[parcours:shell]', event, ...parts].join(' '));
}

/** For a caught error: only its class name, which says what failed without saying about whom. */
export function errorKind(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}
