/**
 * The route table checked when a core starts: a channel that touches a dossier — one of a
 * capability that holds a dossier section, or one whose input names a person — must declare what
 * it touches so that the dispatcher can run the gate and the audit, or say in words why it touches
 * no dossier. A forgotten declaration stops the core with a message naming the channel, instead of
 * serving an ungated channel.
 */
import { z } from 'zod';
import { CONTRACT, type ChannelName } from '../../../shared/contract';
import { DOSSIER_SECTIONS } from '../dossier/registry';
import type { Route } from './routes';

/** The capabilities that hold a dossier section: every channel of theirs touches a dossier. */
function dossierCapabilities(): Set<string> {
  return new Set(DOSSIER_SECTIONS.map((s) => s.capability));
}

function namesAPerson(channel: ChannelName): boolean {
  const input = CONTRACT[channel].input;
  return input instanceof z.ZodObject && 'personId' in input.shape;
}

export function routeDeclarationProblems(routes: Readonly<Record<string, Route<ChannelName>>>): string[] {
  const capabilities = dossierCapabilities();
  const problems: string[] = [];
  for (const [channel, route] of Object.entries(routes)) {
    if (route.access === 'public') continue;
    if (route.access === 'dossier') {
      const d = route.dossier as Partial<typeof route.dossier> | undefined;
      if (!d?.section || !d.action || typeof d.person !== 'function')
        problems.push(`${channel}: a dossier channel must declare its section, action and person`);
      continue;
    }
    const touches = (route as { touches?: { kind?: string; why?: string } }).touches;
    const onDossier = capabilities.has(channel.split('.')[0]) || namesAPerson(channel as ChannelName);
    if (!touches?.kind) problems.push(`${channel}: declares nothing about what it touches`);
    else if (onDossier && touches.kind === 'centre' && !touches.why)
      problems.push(`${channel}: touches a dossier but declares no section, action and person`);
  }
  return problems;
}

export function assertRouteDeclarations(routes: Readonly<Record<string, Route<ChannelName>>>): void {
  const problems = routeDeclarationProblems(routes);
  if (problems.length)
    throw new Error(
      `The core cannot start: channels without their access declaration:\n${problems.join('\n')}`,
    );
}
