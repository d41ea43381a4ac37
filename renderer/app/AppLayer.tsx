/**
 * The signed-in application, in one layer that the lock hides without unmounting: the screen,
 * what was typed in it, open dialogs and the scroll position stay as they were, for the same user
 * to find after unlocking. While locked the layer is invisible (`visibility: hidden`, under the
 * opaque lock screen), out of the accessibility tree and unreachable (`aria-hidden`, `inert`),
 * and no key reaches its shortcuts. Its dialogs, menus and drop-downs render inside it (the
 * Portal target below), so they are hidden with it instead of floating over the lock screen.
 */
import { MantineThemeProvider, type MantineThemeOverride } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

const PORTALS_ID = 'parcours-app-portals';
const PORTALS_INSIDE: MantineThemeOverride = {
  components: { Portal: { defaultProps: { target: `#${PORTALS_ID}` } } },
};

export function AppLayer({ locked, children }: { locked: boolean; children: ReactNode }) {
  const layer = useRef<HTMLDivElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!locked) {
      // Back where the user was typing, as if the lock had not happened.
      const element = lastFocused.current;
      if (element?.isConnected) element.focus({ preventScroll: true });
      return;
    }
    // The app's shortcuts listen on the window: a key pressed on the lock screen (or with nothing
    // focused) must not open a dialog or move a card behind it.
    const shield = (event: KeyboardEvent) => {
      const target = event.target;
      if (target === document.body || (target instanceof Node && layer.current?.contains(target)))
        event.stopPropagation();
    };
    window.addEventListener('keydown', shield, { capture: true });
    return () => window.removeEventListener('keydown', shield, { capture: true });
  }, [locked]);

  return (
    <div
      ref={layer}
      data-app-layer
      inert={locked}
      aria-hidden={locked || undefined}
      style={locked ? { visibility: 'hidden' } : undefined}
      onFocus={(event) => {
        if (event.target instanceof HTMLElement) lastFocused.current = event.target;
      }}
    >
      <MantineThemeProvider theme={PORTALS_INSIDE}>{children}</MantineThemeProvider>
      <div id={PORTALS_ID} />
    </div>
  );
}
