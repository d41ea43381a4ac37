/**
 * Says why part of a dossier is not (fully) shown: hidden because the person did not consent to
 * share it, only what this user wrote, or not part of their role. Nothing is silently missing.
 */
import { Alert, Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SectionView } from '../../../../shared/contract/dossier';

export function hiddenText(t: TFunction, view: SectionView): string {
  return t(`dossier.hidden.${view.scope ?? 'none'}`, { count: view.hiddenCount });
}

export function SectionNotice({ view }: { view: SectionView | undefined }) {
  const { t } = useTranslation();
  if (!view) return null;
  switch (view.status) {
    case 'hidden_consent':
      return (
        <Alert color="yellow" variant="light" role="status" data-testid={`hidden-${view.section}`}>
          {hiddenText(t, view)}
        </Alert>
      );
    case 'own_only':
      return (
        <Alert color="yellow" variant="light" role="status">
          {t('dossier.ownOnly')}
          {view.hiddenCount > 0 && ` ${hiddenText(t, view)}`}
        </Alert>
      );
    case 'forbidden':
      return (
        <Alert color="gray" variant="light" role="status">
          {t('dossier.forbidden')}
        </Alert>
      );
    case 'shown':
      return view.via === 'break_glass' ? (
        <Alert color="red" variant="light" role="status">
          {t('dossier.viaBreakGlass')}
        </Alert>
      ) : null;
  }
}

/** A small mark on a tab whose section is not fully shown. */
export function SectionMark({ view }: { view: SectionView | undefined }) {
  const { t } = useTranslation();
  if (!view || view.status === 'shown') return null;
  const label = {
    hidden_consent: t('dossier.mark.hidden'),
    own_only: t('dossier.mark.ownOnly'),
    forbidden: t('dossier.mark.forbidden'),
  }[view.status];
  return (
    <Badge
      maw="none"
      size="xs"
      color={view.status === 'forbidden' ? 'gray' : 'yellow'}
      variant="light"
      tt="none"
      ml={6}
    >
      {label}
    </Badge>
  );
}
