/**
 * The name typed in the search, handed to "Nouvelle personne" in memory: a name must not travel
 * in the address bar (history, screenshots of the URL). The form forgets it when it closes.
 * "Créer et enregistrer l'arrivée" hands the wish to check the new person in the same way.
 */
let pendingName = '';
let pendingCheckIn = false;

export function setNewPersonName(name: string, options: { checkIn?: boolean } = {}): void {
  pendingName = name.trim();
  pendingCheckIn = options.checkIn ?? false;
}

export function newPersonName(): string {
  return pendingName;
}

/** Did the search ask to check the new person in as soon as the file is created? */
export function newPersonChecksIn(): boolean {
  return pendingCheckIn;
}

export function forgetNewPersonName(): void {
  pendingName = '';
  pendingCheckIn = false;
}
