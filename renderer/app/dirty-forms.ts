/**
 * Unsaved work. A form holding something typed and not saved says so with `useDirtyGuard(dirty)`;
 * whatever would throw that work away asks first, with one question and one dialog
 * (<UnsavedWorkDialog />, mounted once by Root.tsx, outside the lockable application):
 * - an in-app navigation and the browser's Back/Forward: the router's blocker (Shell.tsx);
 * - switching user (lock screen) and signing out (user menu): `confirmDiscard('switchUser' | 'logout')`;
 * - a reload or a closed browser tab: `beforeunload`, listened to only while a form is dirty, so a
 *   clean screen reloads without a question; a closed desktop window: the same cancelled
 *   `beforeunload`, which the main process turns into a question (electron/main/unload-prompt.ts).
 * Nothing typed is kept anywhere else: no draft in browser storage (see docs/renderer.md).
 */
import { useEffect, useId, useSyncExternalStore } from 'react';

/** Why the work would be lost, which decides the wording of the question. */
export type DiscardReason = 'leave' | 'switchUser' | 'logout';

interface Question {
  reason: DiscardReason;
  answer: (discard: boolean) => void;
}

const dirtyForms = new Set<string>();
let question: Question | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasUnsavedWork(): boolean {
  return dirtyForms.size > 0;
}

export function useHasUnsavedWork(): boolean {
  return useSyncExternalStore(subscribe, hasUnsavedWork, hasUnsavedWork);
}

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  // Both forms of the request: `preventDefault` for current browsers, `returnValue` for older ones.
  event.preventDefault();
  event.returnValue = '';
}

function changed(wasDirty: boolean): void {
  const dirty = hasUnsavedWork();
  if (dirty === wasDirty) return;
  // The browser asks before a reload or a closed tab; the desktop window's main process asks
  // before it closes (electron/main/unload-prompt.ts).
  if (dirty) window.addEventListener('beforeunload', warnBeforeUnload);
  else window.removeEventListener('beforeunload', warnBeforeUnload);
  emit();
}

/** Declares this component's form dirty (typed and not saved) for as long as `dirty` is true. */
export function useDirtyGuard(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    const wasDirty = hasUnsavedWork();
    dirtyForms.add(id);
    changed(wasDirty);
    return () => {
      const before = hasUnsavedWork();
      dirtyForms.delete(id);
      changed(before);
    };
  }, [id, dirty]);
}

/** The user chose to give the work up (switch user, sign out): nothing asks again on the way out. */
export function discardUnsavedWork(): void {
  const wasDirty = hasUnsavedWork();
  dirtyForms.clear();
  changed(wasDirty);
}

/**
 * Resolves true when nothing is dirty or the user agrees to lose it, false when they stay. A new
 * question answers the one still open with "stay".
 */
export function confirmDiscard(reason: DiscardReason): Promise<boolean> {
  if (!hasUnsavedWork()) return Promise.resolve(true);
  question?.answer(false);
  return new Promise((resolve) => {
    const asked: Question = {
      reason,
      answer: (discard) => {
        if (question === asked) question = null;
        emit();
        resolve(discard);
      },
    };
    question = asked;
    emit();
  });
}

function currentQuestion(): Question | null {
  return question;
}

/** The open question, for the one dialog that asks it. */
export function useDiscardQuestion(): Question | null {
  return useSyncExternalStore(subscribe, currentQuestion, currentQuestion);
}
