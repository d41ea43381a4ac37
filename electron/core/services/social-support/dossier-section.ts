/**
 * Social support in the dossier: the Social tab's supports (section `social`). No timeline item
 * and no alert yet: what was given is read in its tab only.
 */
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { socialSupportsTable, supportsOfPerson, type SocialSupportRow } from './repository';
import { toSupports } from './social-support-service';

const social: SectionDefinition<SocialSupportRow> = {
  capability: 'social-support',
  section: 'social',
  linked: [socialSupportsTable],
  timelineKinds: [],
  load: supportsOfPerson,
};

export const socialSupportSection = defineSection(social);

/** A reader refused by role or consent sees only the supports they recorded (the draw's rule). */
export const socialSupportForPerson = sectionReader(social, (rows, { dossier }) =>
  toSupports(dossier.em, rows),
);
