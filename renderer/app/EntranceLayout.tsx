import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen shown before the application: set-up, login, lock, problems. */
export function EntranceLayout({ children, width = 440 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="lg" py="sm" component="header">
        <Stack gap={0}>
          <Title order={2} size="h4" c="teal.8">
            {t('app.name')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('app.tagline')}
          </Text>
        </Stack>
        <LanguageSwitch />
      </Group>
      <Center component="main" px="md" pb="xl" pt="lg">
        <Paper withBorder shadow="sm" p="xl" radius="lg" w="100%" maw={width}>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}

/** The screen's own title inside the frame, and one line under it saying what it is for. */
export function EntranceHeading({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {subtitle}
      </Text>
    </div>
  );
}
