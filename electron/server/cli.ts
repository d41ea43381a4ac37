/**
 * `parcours`: the command line of a centre. Passwords never come from arguments (they would stay
 * in the shell history and the process list): from PARCOURS_* variables or a hidden prompt.
 */
import { parseArgs } from 'node:util';
import { CliError, t } from './cli-support';
import { AUDIT_KEY_FILE_ENV, AuditKeyError, checkAuditKeyFile } from '../core/audit/audit-key';
import {
  auditAnchorCommand,
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
  quiet: { type: 'boolean', short: 'q' },
  anchor: { type: 'string' },
  'audit-key-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * What the operator can do about a failure of the system (a path, a port): named with the path or
 * port they gave — never with data from the store.
 */
function systemCause(err: unknown): string | null {
  const e = err as { code?: unknown; path?: unknown; dest?: unknown; port?: unknown } | null;
  if (!e || typeof e.code !== 'string') return null;
  const where = typeof e.dest === 'string' ? e.dest : typeof e.path === 'string' ? e.path : '';
  switch (e.code) {
    case 'EADDRINUSE':
      return t('portInUse', { port: typeof e.port === 'number' ? String(e.port) : '?' });
    case 'EISDIR':
      return t('isDirectory', { path: where });
    case 'ENOTDIR':
      return t('notDirectory', { path: where });
    case 'ENOENT':
      return t('missingPath', { path: where });
    case 'EACCES':
    case 'EPERM':
      return t('noPermission', { path: where });
    case 'ENOSPC':
      return t('diskFull', { path: where });
    case 'EEXIST':
      return t('alreadyExists', { path: where });
    default:
      return null;
  }
}

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
  // K_audit from a file outside the data folder (audit-key.ts); every command on that folder must
  // name the same file, so it is taken once here, for the core and the long-read worker alike.
  if (typeof values['audit-key-file'] === 'string')
    process.env[AUDIT_KEY_FILE_ENV] = values['audit-key-file'];
  if (!command || values.help) {
    console.log(t('usage'));
    return command ? 0 : 2;
  }
  try {
    // A damaged key file is named here, not as a failed login once the store is being opened.
    checkAuditKeyFile();
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
        if (rest[0] === 'verify') await auditVerifyCommand(values);
        else if (rest[0] === 'anchor') await auditAnchorCommand(values);
        else throw new CliError(t('unknownCommand', { command: `audit ${rest[0] ?? ''}` }), 2);
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
    if (err instanceof AuditKeyError) {
      console.error(t('auditKeyInvalid', { file: err.file }));
      return 1;
    }
    const cause = systemCause(err);
    if (cause) {
      console.error(cause);
      return 1;
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
