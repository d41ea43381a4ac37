/**
 * The sharing questions asked when a file is created (care team, external partners, contact).
 * Each has three answers: yes, no, or "later" — the default, which records nothing (a consent is
 * the person's word, never a pre-ticked box); the check-in dialog then says it is missing. The
 * answers go with the creation, in the same call (`persons.create` `consents`).
 */
import { Fieldset, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_ANSWERS,
  CREATION_CONSENT_SCOPES,
  type ConsentAnswer,
} from '../../../../shared/contract/persons';
import { oneOf } from '../../../app/form-values';

export type CreationScope = (typeof CREATION_CONSENT_SCOPES)[number];
export type CreationConsents = Record<CreationScope, ConsentAnswer>;

const isAnswer = oneOf(CONSENT_ANSWERS);

export function unansweredConsents(): CreationConsents {
  return { care_team: 'later', external_referral: 'later', contact: 'later' };
}

/** Was any question answered (given or refused) rather than left for later? */
export function someAnswered(answers: CreationConsents): boolean {
  return CREATION_CONSENT_SCOPES.some((scope) => answers[scope] !== 'later');
}

/** Was any question left for later (nothing recorded for it)? */
export function someLeftForLater(answers: CreationConsents): boolean {
  return CREATION_CONSENT_SCOPES.some((scope) => answers[scope] === 'later');
}

export function ConsentQuestions({
  value,
  onChange,
}: {
  value: CreationConsents;
  onChange: (next: CreationConsents) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('persons.consentQuestions.legend')}>
      <Text size="sm" mb="sm" id="consent-questions-intro">
        {t('persons.consentQuestions.intro')}
      </Text>
      <Stack gap="sm">
        {CREATION_CONSENT_SCOPES.map((scope) => (
          <Radio.Group
            key={scope}
            label={t(`consents.scopes.${scope}`)}
            description={t(`consents.descriptions.${scope}`)}
            value={value[scope]}
            onChange={(answer) => isAnswer(answer) && onChange({ ...value, [scope]: answer })}
          >
            <Group mt={6} gap="lg">
              {CONSENT_ANSWERS.map((answer) => (
                <Radio key={answer} value={answer} label={t(`persons.consentQuestions.${answer}`)} />
              ))}
            </Group>
          </Radio.Group>
        ))}
      </Stack>
    </Fieldset>
  );
}
