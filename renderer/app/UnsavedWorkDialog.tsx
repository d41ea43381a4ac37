/**
 * The one question before unsaved work is lost ("Quitter sans enregistrer ?"), whatever asks it
 * (see dirty-forms.ts). Staying is the safe answer: it has the focus, and Escape or closing stays.
 * Mounted by Root.tsx outside the lockable application, so it shows over the lock screen too.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDiscardQuestion } from './dirty-forms';

/** Above the lock screen's layer (see Root.tsx). */
const DIALOG_Z_INDEX = 400;

export function UnsavedWorkDialog() {
  const { t } = useTranslation();
  const question = useDiscardQuestion();
  const reason = question?.reason ?? 'leave';
  return (
    <Modal
      opened={question !== null}
      onClose={() => question?.answer(false)}
      title={t(`unsaved.${reason}.title`)}
      zIndex={DIALOG_Z_INDEX}
      centered
    >
      <Stack>
        <Text size="sm">{t(`unsaved.${reason}.body`)}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => question?.answer(false)} data-autofocus>
            {t('unsaved.stay')}
          </Button>
          <Button color="red" onClick={() => question?.answer(true)}>
            {t(`unsaved.${reason}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
