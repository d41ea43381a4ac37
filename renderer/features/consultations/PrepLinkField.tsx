/**
 * "PrEP prescription": links the consultation's prescription to the person's PrEP episode, so the
 * PrEP tab lists it with its renewals. Offered when the reader sees the person's PrEP and an episode
 * is active (or the prescription is already linked); ticked when the screen was opened from the
 * PrEP tab, or when a line names a PrEP drug, until the prescriber unticks it.
 */
import { Checkbox } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../shared/contract/dossier';
import { isPrepDrug } from '../../../shared/domain/prep';
import { useDossierSection } from '../persons/dossier/dossier-tab';
import { formatDay } from '../prep/dates';
import type { ConsultationFormValues } from './consultation-values';

export function PrepLinkField({
  form,
  dossier,
  autoTick,
}: {
  form: UseFormReturnType<ConsultationFormValues>;
  dossier: Dossier;
  /**
   * Tick it by itself for a PrEP drug: only on a prescription being written, never on one opened
   * again (its link, or the lack of one, is what the prescriber saved).
   */
  autoTick: boolean;
}) {
  const { t } = useTranslation();
  const prescribing = form.values.lines.length > 0;
  const readsPrep = dossier.sections.some((s) => s.section === 'prep' && s.status === 'shown');
  // Read only once there is something to prescribe (an audited read of the PrEP section).
  const prep = useDossierSection('prep.forPerson', dossier.person.id, readsPrep && prescribing);
  const episodes = prep.data?.items ?? [];
  const linked = form.values.prepEpisodeId;
  const episode =
    episodes.find((e) => e.id === linked) ?? episodes.find((e) => e.status === 'active') ?? null;
  const untickedByHand = useRef(false);
  const prepDrug = form.values.lines.some((l) => isPrepDrug(l.drug));

  useEffect(() => {
    if (autoTick && episode && episode.status === 'active' && prepDrug && !linked && !untickedByHand.current)
      form.setFieldValue('prepEpisodeId', episode.id);
  }, [autoTick, episode, prepDrug, linked, form]);

  if (!prescribing || !episode) return null;
  return (
    <Checkbox
      label={t('consultations.prescription.prepLink', { date: formatDay(episode.startedOn) })}
      description={t('consultations.prescription.prepLinkHelp')}
      checked={linked === episode.id}
      error={form.errors.prepEpisodeId}
      onChange={(e) => {
        untickedByHand.current = !e.currentTarget.checked;
        form.setFieldValue('prepEpisodeId', e.currentTarget.checked ? episode.id : null);
      }}
    />
  );
}
