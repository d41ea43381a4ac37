import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, setLanguage } from '../i18n/setup';

/** FR / EN switch. The choice stays in memory for this window only. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
      data={LANGUAGES.map((lng) => ({
        value: lng,
        label: (
          <span lang={lng} title={t(`language.${lng}`)}>
            {lng.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}
