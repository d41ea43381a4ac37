/**
 * The store did not open. Say what happened in plain words, say that nothing was touched, and
 * list what can be done: the people at the desk are not expected to know SQLite or key files.
 */
import { Alert, Button, Code, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { EntranceLayout } from '../../app/EntranceLayout';

type StoreProblem = NonNullable<ChannelOutput<'setup.status'>['problem']>;

export function UnavailablePage({
  problem,
  onCheckAgain,
}: {
  problem: StoreProblem | undefined;
  onCheckAgain: () => void;
}) {
  const { t } = useTranslation();
  const key = problem ?? 'unknown';
  return (
    <EntranceLayout width={640}>
      <Stack>
        <Title order={1} size="h2">
          {t('unavailable.title')}
        </Title>
        <Alert color="orange" title={t(`unavailable.problems.${key}.title`)} role="alert">
          {t(`unavailable.problems.${key}.body`)}
        </Alert>
        <Text fw={600}>{t('unavailable.nothingChanged')}</Text>
        <Title order={2} size="h4">
          {t('unavailable.optionsTitle')}
        </Title>
        <List spacing="sm">
          {problem === 'from_future' && <List.Item>{t('unavailable.optionFuture')}</List.Item>}
          <List.Item>
            {t('unavailable.optionRestore')}
            <Code block mt={4}>
              {t('unavailable.restoreCommand')}
            </Code>
          </List.Item>
          <List.Item>{t('unavailable.optionRecovery')}</List.Item>
          <List.Item>{t('unavailable.optionContact')}</List.Item>
        </List>
        <Button variant="light" onClick={onCheckAgain} autoFocus>
          {t('unavailable.checkAgain')}
        </Button>
      </Stack>
    </EntranceLayout>
  );
}
