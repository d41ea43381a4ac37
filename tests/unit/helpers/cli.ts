/** The `parcours` command run in-process through `main(argv)`, with its output captured. */
import { vi } from 'vitest';
import { main } from '../../../electron/server/cli';

const ENV_KEYS = [
  'PARCOURS_USER',
  'PARCOURS_PASSWORD',
  'PARCOURS_ADMIN_USER',
  'PARCOURS_ADMIN_PASSWORD',
  'PARCOURS_ADMIN_NAME',
  'PARCOURS_RECOVERY_CODE',
] as const;
export type CliEnv = Partial<Record<(typeof ENV_KEYS)[number], string>>;
export type Main = (argv: string[]) => Promise<number>;
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `parcours …` with exactly these credentials in the environment and no terminal on stdin. */
export async function cli(args: string[], env: CliEnv = {}, run: Main = main): Promise<CliRun> {
  const saved = ENV_KEYS.map((k) => [k, process.env[k]] as const);
  for (const k of ENV_KEYS) {
    const v = env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const tty = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
  Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
  const out: string[] = [];
  const err: string[] = [];
  const log = vi
    .spyOn(console, 'log')
    .mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(' ')));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(' ')));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await run(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
    if (tty) Object.defineProperty(process.stdin, 'isTTY', tty);
    else delete (process.stdin as { isTTY?: boolean }).isTTY;
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A message template filled in, as the CLI prints it. */
export function message(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name]));
}

/** The fixed part of a message template (before its first `{{var}}`). */
export function stem(template: string): string {
  return template.split('{{')[0];
}
