/** Texts of the screen shown when the data cannot be opened, in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: "Parcours's data cannot be opened",
  nothingChanged: 'Nothing was changed on disk: the files are exactly as they were.',
  problems: {
    missing: {
      title: 'Database missing',
      body: 'The Parcours data folder exists, but the database it should hold is not there. It may have been moved or deleted.',
    },
    foreign_database: {
      title: 'This file is not a Parcours database',
      body: 'The data folder holds a file that belongs to another program, or an unencrypted database. Parcours refuses to use it so as not to damage it.',
    },
    unreadable: {
      title: 'Database unreadable',
      body: "This computer's key does not open the database: the file may be damaged, or it comes from another installation.",
    },
    from_future: {
      title: 'Database from a newer version',
      body: 'This data was saved by a newer version of Parcours. This version cannot read it without risking damage.',
    },
    keyring_missing: {
      title: 'Keyring missing',
      body: 'The database is there, but the keyring holding its key is gone. Without it, only a backup or the recovery code can bring the data back.',
    },
    in_use: {
      title: 'Data already open elsewhere',
      body: 'Another Parcours program (the clinic server, the app or a command) already uses this data folder. One at a time: close the other one, then check again.',
    },
    core_process_exited: {
      title: 'Parcours stopped',
      body: 'The part of Parcours that keeps the data stopped unexpectedly. Close Parcours and start it again; if it happens again, tell the coordinator.',
    },
    worker_exited: {
      title: 'Read interrupted',
      body: 'The long read (log verification, report, export) stopped before the end; nothing was changed. Run it again; if it happens again, tell the coordinator.',
    },
    unknown: {
      title: 'Data unavailable',
      body: 'Parcours could not open its data.',
    },
  },
  optionsTitle: 'What can be done?',
  optionFuture: 'Install the latest version of Parcours on this computer, then start it again.',
  optionRestore: "Restore the centre's latest backup with the command:",
  restoreCommand: 'parcours restore --from BACKUP-FILE --data DATA-FOLDER',
  optionRecovery: 'Use the recovery code handed out at set-up (the coordinator keeps it).',
  optionContact: "Tell the centre's coordinator before trying anything else.",
  checkAgain: 'Check again',
};
