/**
 * `parcours`: the command line of a centre. Passwords never come from arguments (they would stay
 * in the shell history and the process list): from PARCOURS_* variables or a hidden prompt.
 */
import { parseArgs } from 'node:util';
import { CliError, t } from './cli-support';
import {
  auditVerifyCommand,
  backupCommand,
  exportCommand,
  importCommand,
  recoverCommand,
  restoreCommand,
} from './commands/data';
import { serveCommand } from './commands/serve';
import { demoCommand, initCommand } from './commands/setup';

const OPTIONS = {
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  centre: { type: 'string' },
  site: { type: 'string', multiple: true },
  locale: { type: 'string' },
  user: { type: 'string' },
  replace: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: string[]): Promise<number> {
  // Files this process creates (store, WAL, keyring, backups, exports) are for this account only.
  process.umask(0o077);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${t('usage')}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(t('usage'));
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case 'init':
        await initCommand(values);
        break;
      case 'serve':
        await serveCommand(values);
        break;
      case 'demo':
        await demoCommand(values);
        break;
      case 'backup':
        await backupCommand(values);
        break;
      case 'restore':
        await restoreCommand(values);
        break;
      case 'export':
        await exportCommand(values);
        break;
      case 'import':
        await importCommand(values, rest);
        break;
      case 'recover':
        await recoverCommand(values);
        break;
      case 'audit':
        if (rest[0] !== 'verify')
          throw new CliError(t('unknownCommand', { command: `audit ${rest[0] ?? ''}` }), 2);
        await auditVerifyCommand(values);
        break;
      default:
        throw new CliError(`${t('unknownCommand', { command })}\n\n${t('usage')}`, 2);
    }
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      console.error(err.message);
      return err.exitCode;
    }
    // Unexpected: say what kind of failure without values that could be personal.
    console.error(t('failed', { message: err instanceof Error ? err.name : 'error' }));
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 1;
    },
  );
}
