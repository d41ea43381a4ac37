import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { personsHref } from '../routes';

/** A merged file stays so old references resolve; it points to the file that was kept. */
export function MergedBanner({ survivorId }: { survivorId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="status" title={t('dossier.merged.title')}>
      {t('dossier.merged.body')}{' '}
      <Anchor href={personsHref.dossier(survivorId)} fw={600}>
        {t('dossier.merged.link')}
      </Anchor>
    </Alert>
  );
}
