/**
 * "Suivi pluridisciplinaire — s'adresser à Fatima Z., assistante sociale, Marrakech": that a case
 * plan exists and whom to ask, shown to every reader of the pathway. Neutral wording: never why.
 */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CareReferent } from '../../../shared/contract/dossier';
import { ROLES } from '../../../shared/domain/roles';
import { oneOf } from '../../app/form-values';

const isRole = oneOf(ROLES);

export function CareReferentNote({ referent }: { referent: CareReferent }) {
  const { t } = useTranslation();
  const role = isRole(referent.referentRoleKey) ? `, ${t(`roles.${referent.referentRoleKey}`)}` : '';
  return (
    <Alert color="gray" variant="light" title={t('casePlans.pointer.title')}>
      {t('casePlans.pointer.body', {
        name: referent.referentName,
        role,
        site: referent.siteCode ? `, ${referent.siteCode}` : '',
      })}
    </Alert>
  );
}
