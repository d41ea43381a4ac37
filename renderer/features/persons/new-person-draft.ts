/**
 * The name typed in the search, handed to "Nouvelle personne" in memory: a name must not travel
 * in the address bar (history, screenshots of the URL). The form forgets it when it closes.
 */
let pendingName = '';

export function setNewPersonName(name: string): void {
  pendingName = name.trim();
}

export function newPersonName(): string {
  return pendingName;
}

export function forgetNewPersonName(): void {
  pendingName = '';
}
