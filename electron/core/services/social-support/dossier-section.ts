/**
 * Social support in the dossier: the Social tab's supports (section `social`). The timeline shows
 * each support by its kind on the day it was given — a label key only, never its description or
 * value — to the readers the section is drawn for; no alert.
 */
import type { TimelineItem } from '../../../../shared/contract/dossier';
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { socialSupportsTable, supportsOfPerson, type SocialSupportRow } from './repository';
import { toSupports } from './social-support-service';

const social: SectionDefinition<SocialSupportRow> = {
  capability: 'social-support',
  section: 'social',
  linked: [socialSupportsTable],
  timelineKinds: ['social_support'],
  load: supportsOfPerson,
  timeline: (rows) =>
    rows.map((r): TimelineItem => ({
      // Given on a calendar day: noon UTC is that day in the centres' zones (as a vaccine dose).
      at: `${r.givenOn}T12:00:00.000Z`,
      kind: 'social_support',
      section: 'social',
      refId: r.id,
      label: r.kind,
      detail: null,
    })),
};

export const socialSupportSection = defineSection(social);

/** A reader refused by role or consent sees only the supports they recorded (the draw's rule). */
export const socialSupportForPerson = sectionReader(social, (rows, { dossier }) =>
  toSupports(dossier.em, rows),
);
