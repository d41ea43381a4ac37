import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract';
import { ROUTES } from '../../electron/core/api/routes';

/** docs/api.md lists every channel with who may call it, exactly as the route table says. */
describe('docs/api.md', () => {
  const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  it.each(CHANNEL_NAMES)('documents %s as the route table binds it', (channel) => {
    const route = ROUTES[channel] as {
      access: string;
      permission?: string;
      whileLocked?: boolean;
      beforePasswordChange?: boolean;
      passive?: boolean;
    };
    const who =
      route.access === 'public'
        ? 'anyone (no session)'
        : route.permission
          ? `session + \`${route.permission}\``
          : 'session (dossier sections checked by the gate)';
    const flags = [
      route.whileLocked && 'while locked',
      route.beforePasswordChange && 'before password change',
      route.passive && 'passive',
    ]
      .filter(Boolean)
      .join(', ');
    expect(doc).toContain(`| \`${channel}\` | ${who} | ${flags} |`);
  });

  it('lists no channel that does not exist', () => {
    const listed = [...doc.matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
