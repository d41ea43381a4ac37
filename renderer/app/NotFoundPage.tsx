import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { HomeIcon } from './icons';

/** An address that matches no screen (or a dossier tab that does not exist): said plainly. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640} gap="sm" align="flex-start">
      <Title order={1}>{t('nav.notFoundTitle')}</Title>
      <Text c="dimmed">{t('nav.notFoundBody')}</Text>
      <Button renderRoot={(props) => <Link to="/" {...props} />} leftSection={<HomeIcon />} variant="light">
        {t('nav.backHome')}
      </Button>
    </Stack>
  );
}
