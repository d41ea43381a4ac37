/**
 * A dossier channel registered without its access declaration stops the core from starting, with
 * a message naming the channel: the gate cannot be forgotten by a new capability.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { ROUTES } from '../../electron/core/api/routes';
import { routeDeclarationProblems } from '../../electron/core/api/route-check';
import { TEST_KDF, tempDir } from './helpers/core';

/** The route table with one channel's declaration replaced, as a careless edit would leave it. */
function withRoute(channel: string, route: unknown) {
  return { ...ROUTES, [channel]: route };
}

describe('route declarations', () => {
  it('the shipped route table declares what every channel touches', () => {
    expect(routeDeclarationProblems(ROUTES)).toEqual([]);
  });

  it('refuses to start when a dossier channel is bound as if it touched no dossier', async () => {
    const broken = withRoute('interviews.save', {
      access: 'session',
      touches: { kind: 'centre' },
      handler: ROUTES['interviews.save'].handler,
    });
    await expect(createCore({ dataDir: tempDir(), kdfCost: TEST_KDF, routes: broken })).rejects.toThrow(
      /interviews\.save: touches a dossier/,
    );
  });

  it('refuses a channel whose input names a person, even in a capability without a section', () => {
    const problems = routeDeclarationProblems(
      withRoute('audit.list', { access: 'session', touches: { kind: 'centre' }, handler: () => null }),
    );
    expect(problems).toEqual([expect.stringMatching(/^audit\.list: touches a dossier/)]);
  });

  it('refuses a dossier declaration without its person finder, and a route that declares nothing', () => {
    const problems = routeDeclarationProblems({
      ...withRoute('visits.move', { access: 'dossier', dossier: { section: 'pathway', action: 'write' } }),
      'centre.get': { access: 'session', handler: () => null } as never,
    });
    expect(problems).toEqual([
      expect.stringMatching(/^centre\.get: declares nothing/),
      expect.stringMatching(/^visits\.move: a dossier channel must declare its section, action and person/),
    ]);
  });
});
