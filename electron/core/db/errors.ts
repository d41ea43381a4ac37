/**
 * Why a store could not be opened. Every one of these leaves the files exactly as they were:
 * Parcours never recreates, overwrites or "repairs" a database that did not open.
 */
export type StoreProblem =
  | 'missing' // no database where one should be
  | 'foreign_database' // a plain SQLite file or another program's file
  | 'unreadable' // the key does not open it: wrong key, corrupted or foreign file
  | 'from_future' // written by a newer Parcours
  | 'keyring_missing' // a database without its keyring: only a backup can help
  | 'in_use'; // another process (the clinic server, the desktop app, a command) owns the folder

export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
