import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { queryClient } from '../api/query-client';
import i18n from '../i18n/setup';
import { Root } from './Root';
import { theme } from './theme';

/** Date pickers follow the interface language (their own dayjs locales). */
function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <DatesProvider settings={{ locale: current.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <LocalisedDates>
            <Notifications position="bottom-right" />
            <Root />
          </LocalisedDates>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
