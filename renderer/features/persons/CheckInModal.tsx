/**
 * Arrival at reception in one keystroke: the person is known, the site is the workstation's,
 * priority "normal" has the focus, Enter confirms. The visit then shows on the reception board.
 */
import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import { VISIT_PRIORITIES, type VisitPriority } from '../../../shared/domain/catalogues';
import { apiErrorOf } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { useCheckIn } from './api';
import { useSignedIn } from './use-signed-in';

/** Where a person may wait on arrival; most come for the community interview first. */
const FIRST_STEPS = ['waiting_interview', 'waiting_doctor', 'waiting_nurse', 'waiting_specialist'] as const;
type FirstStep = (typeof FIRST_STEPS)[number];
/** Normal first: it has the focus, and the urgent ones are a deliberate arrow key away. */
const PRIORITY_ORDER: readonly VisitPriority[] = ['normal', 'pep_72h', 'positive_to_treat'];

function isPriority(value: string): value is VisitPriority {
  return (VISIT_PRIORITIES as readonly string[]).includes(value);
}
function isFirstStep(value: string | null): value is FirstStep {
  return value !== null && (FIRST_STEPS as readonly string[]).includes(value);
}

export interface CheckInPerson {
  id: string;
  nameUsed: string;
  fileNumber: string;
}

export function CheckInModal({ person, onClose }: { person: CheckInPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const sites = session.state.user.sites;
  const [siteId, setSiteId] = useState<string | null>(session.currentSiteId ?? sites[0]?.id ?? null);
  const [priority, setPriority] = useState<VisitPriority>('normal');
  const [step, setStep] = useState<FirstStep>('waiting_interview');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const checkIn = useCheckIn();

  function confirm() {
    if (!siteId || checkIn.isPending) return;
    setFailure(null);
    checkIn.mutate(
      { personId: person.id, siteId, priority, step },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('search.checkIn.done', {
              name: person.nameUsed,
              step: t(`catalogue.visitSteps.${step}`),
            }),
          });
          onClose();
        },
        onError: (err) => setFailure(apiErrorOf(err)),
      },
    );
  }

  // Enter on a radio button confirms too: the priority has the focus when the dialog opens.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
      event.preventDefault();
      confirm();
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('search.checkIn.title')} centered size="lg">
      <form
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
        noValidate
      >
        <Stack>
          <Text>
            <Text span fw={600}>
              {person.nameUsed}
            </Text>{' '}
            <Text span ff="monospace" size="sm" c="dimmed">
              {person.fileNumber}
            </Text>
          </Text>
          {failure && (
            <Alert color="red" role="alert">
              {errorText(t, failure)}
            </Alert>
          )}
          <Radio.Group
            label={t('search.checkIn.priority')}
            value={priority}
            onChange={(value) => isPriority(value) && setPriority(value)}
          >
            <Stack gap={6} mt={6}>
              {PRIORITY_ORDER.map((p) => (
                <Radio
                  key={p}
                  value={p}
                  label={t(`catalogue.priorities.${p}`)}
                  color={p === 'normal' ? undefined : 'red'}
                  data-autofocus={p === 'normal' ? true : undefined}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Group grow align="flex-start">
            <Select
              label={t('search.checkIn.site')}
              data={sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
              value={siteId}
              onChange={setSiteId}
              allowDeselect={false}
              error={siteId ? undefined : t('search.checkIn.noSite')}
            />
            <Select
              label={t('search.checkIn.step')}
              data={FIRST_STEPS.map((s) => ({ value: s, label: t(`catalogue.visitSteps.${s}`) }))}
              value={step}
              onChange={(value) => isFirstStep(value) && setStep(value)}
              allowDeselect={false}
            />
          </Group>
          <Group justify="space-between" mt="xs">
            <Text size="xs" c="dimmed">
              {t('search.checkIn.enterHint')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose} disabled={checkIn.isPending}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={checkIn.isPending} disabled={!siteId}>
                {t('search.checkIn.confirm')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
