/**
 * A capability is registered in the core and in the renderer: a dossier section the core draws has
 * a tab that shows it and a channel that reads it, and every kind of timeline item the core sends
 * has a renderer. This fails when a capability is registered in one place but not the others.
 */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../electron/core/api/routes';
import { DOSSIER_SECTIONS } from '../../electron/core/dossier/registry';
import { DOSSIER_TABS } from '../../renderer/app/dossier-registry';
import { TIMELINE_KINDS } from '../../renderer/app/timeline-registry';

const sections = [...new Set(DOSSIER_SECTIONS.map((s) => s.section))];

describe('capability registries agree', () => {
  it('every dossier section of the core has a tab in the renderer (identity: the header and its tab)', () => {
    const drawn = new Set(DOSSIER_TABS.flatMap((tab) => (tab.section ? [tab.section] : [])));
    expect(sections.filter((s) => s !== 'identity' && !drawn.has(s))).toEqual([]);
  });

  it('every tab draws a section the core registers (or none: views across sections)', () => {
    expect(
      DOSSIER_TABS.filter((tab) => tab.section && !sections.includes(tab.section)).map((t) => t.key),
    ).toEqual([]);
    expect(new Set(DOSSIER_TABS.map((t) => t.key)).size).toBe(DOSSIER_TABS.length);
  });

  it('every kind of timeline item the core sends has a renderer', () => {
    const kinds = DOSSIER_SECTIONS.flatMap((s) => s.timelineKinds);
    expect(kinds.filter((k) => !TIMELINE_KINDS.has(k))).toEqual([]);
  });

  it('every registered section can be read through a dossier channel of its own capability', () => {
    const readers = Object.entries(ROUTES).flatMap(([channel, route]) =>
      route.access === 'dossier' && route.dossier.action === 'read'
        ? [`${channel.split('.')[0]}:${route.dossier.section}`]
        : [],
    );
    // Channels name a capability in camelCase (`waitingLists.*` for the `waiting-lists` folder).
    const channelPrefix = (capability: string) =>
      capability.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const missing = DOSSIER_SECTIONS.filter(
      (s) => !readers.includes(`${channelPrefix(s.capability)}:${s.section}`),
    ).map((s) => `${s.capability}:${s.section}`);
    expect(missing).toEqual([]);
  });
});
