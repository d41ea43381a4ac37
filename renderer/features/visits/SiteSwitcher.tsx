import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseSite } from '../../app/session';
import type { SiteChoice } from './current-site';

/** Shown only to people who work on several sites: the board and the agenda follow the choice. */
export function SiteSwitcher({ choices, value }: { choices: SiteChoice[]; value: string | null }) {
  const { t } = useTranslation();
  if (choices.length < 2) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="site-switcher-label">
        {t('board.site')}
      </Text>
      <SegmentedControl
        aria-labelledby="site-switcher-label"
        value={value ?? ''}
        onChange={chooseSite}
        data={choices.map((s) => ({ value: s.id, label: s.code }))}
      />
    </Stack>
  );
}
