import { Alert, Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { personLinks } from '../links';

/** A merged file stays so old references resolve; it points to the file that was kept. */
export function MergedBanner({ survivorId }: { survivorId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="status" title={t('dossier.merged.title')}>
      {t('dossier.merged.body')}{' '}
      <Anchor renderRoot={(props) => <Link {...props} {...personLinks.dossier(survivorId)} />} fw={600}>
        {t('dossier.merged.link')}
      </Anchor>
    </Alert>
  );
}
