/**
 * The buttons of a new file: "Créer le dossier" and "Créer et enregistrer l'arrivée". The main one
 * is the form's submit (Enter): the arrival when the search asked for it ("Créer et enregistrer
 * l'arrivée" on a name nobody has), the file alone otherwise; the other is one click away.
 */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CreateActions({
  checkInFirst,
  onOtherAction,
  onCancel,
  pending,
}: {
  checkInFirst: boolean;
  onOtherAction: () => void;
  onCancel: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const create = t('persons.form.createSubmit');
  const createAndCheckIn = t('persons.form.createAndCheckInSubmit');
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={pending}>
        {t('app.cancel')}
      </Button>
      <Button variant="light" onClick={onOtherAction} disabled={pending}>
        {checkInFirst ? create : createAndCheckIn}
      </Button>
      <Button type="submit" loading={pending}>
        {checkInFirst ? createAndCheckIn : create}
      </Button>
    </Group>
  );
}
