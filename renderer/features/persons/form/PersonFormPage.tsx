/**
 * Create or edit a person's file. Only the name used is required. While a new file is typed,
 * likely duplicates are shown beside the form. An edit carries the version it started from: if
 * someone saved in between, the core answers `conflict` and the form offers to reload.
 */
import { Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../../app/dirty-forms';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../../shared/contract';
import type { Person } from '../../../../shared/contract/persons';
import { schemaErrors } from '../../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../../app/form-failure';
import { QueryError } from '../../../app/QueryError';
import { useCreatePerson, usePerson, useUpdatePerson } from '../api';
import { forgetNewPersonName, newPersonChecksIn, newPersonName } from '../new-person-draft';
import { apiErrorOf } from '../../../api/client';
import { errorText } from '../../../i18n/error-text';
import { useCheckIn } from '../../visits/api';
import { ConsentQuestions, someAnswered, someLeftForLater, unansweredConsents } from './ConsentQuestions';
import { personLinks } from '../links';
import { useSignedIn } from '../use-signed-in';
import { DuplicatesPanel } from './DuplicatesPanel';
import { CreateActions } from './CreateActions';
import { PersonFields } from './PersonFields';
import {
  birthProblems,
  emptyValues,
  FIRST_BIRTH_YEAR,
  formPathOf,
  inputOf,
  valuesOf,
  type PersonFormValues,
} from './person-values';

export function NewPersonPage() {
  const session = useSignedIn();
  return (
    <PersonForm
      person={null}
      initial={emptyValues(newPersonName(), session.currentSiteId ?? session.state.user.sites[0]?.id ?? null)}
    />
  );
}

export function EditPersonPage({ id }: { id: string }) {
  const person = usePerson(id);
  if (person.isPending) return <Loader />;
  if (person.isError) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  // Reading again after a conflict is an audited read, as any opening of the file.
  const reload = async () => (await person.refetch()).data ?? null;
  return (
    <PersonForm key={person.data.id} person={person.data} initial={valuesOf(person.data)} reload={reload} />
  );
}

function PersonForm({
  person,
  initial,
  reload: readAgain,
}: {
  person: Person | null;
  initial: PersonFormValues;
  reload?: () => Promise<Person | null>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const [version, setVersion] = useState(person?.version ?? 1);
  const form = useForm<PersonFormValues>({ initialValues: initial });
  const { failure, setFailure, fail: onError } = useFormFailure(form, formPathOf);
  const checkIn = useCheckIn();
  const pending = create.isPending || update.isPending || checkIn.isPending;
  // A new file: the sharing questions, answered "later" until the person says (never pre-ticked).
  const [consents, setConsents] = useState(unansweredConsents);
  // An answer to a sharing question is typed work too.
  useDirtyGuard(form.isDirty() || someAnswered(consents));
  // "Créer et enregistrer l'arrivée": the main action when the search asked for it.
  const [checksInFirst] = useState(() => person === null && newPersonChecksIn());
  const arrives = useRef(checksInFirst);
  const session = useSignedIn();

  function done(saved: Person) {
    forgetNewPersonName();
    notifications.show({
      color: 'teal',
      message: person ? t('persons.form.saved') : t('persons.form.created', { file: saved.fileNumber }),
    });
    // Saved: what was typed is stored, the way to the file does not ask about unsaved work.
    void navigate({ ...personLinks.dossier(saved.id), ignoreBlocker: true });
  }

  const submit = form.onSubmit((values) => {
    setFailure(null);
    // Enter submits the main action; the other button sets its choice for this one submission.
    const arrive = arrives.current;
    arrives.current = checksInFirst;
    const input = inputOf(values);
    const schema = person ? CONTRACT['persons.update'].input : CONTRACT['persons.create'].input;
    const full = person ? { ...input, id: person.id, version } : input;
    const errors: Record<string, string> = {};
    for (const [field, problem] of Object.entries(birthProblems(values, new Date())))
      errors[field] = t(`persons.fields.birthProblems.${problem}`, { first: FIRST_BIRTH_YEAR });
    for (const [path, message] of Object.entries(schemaErrors(schema, full, t))) {
      const target = formPathOf(path);
      if (target && !(target in errors)) errors[target] = message;
    }
    // The contract names these formats; say what a valid value looks like.
    if (errors['contact.phone'] && input.contact?.phone)
      errors['contact.phone'] = t('persons.fields.phoneInvalid');
    if (errors['contact.email'] && input.contact?.email)
      errors['contact.email'] = t('persons.fields.emailInvalid');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    if (person) update.mutate({ ...input, id: person.id, version }, { onSuccess: done, onError });
    else
      create.mutate(
        { ...input, consents },
        { onSuccess: (saved) => (arrive ? void checkInCreated(saved) : done(saved)), onError },
      );
  });

  /**
   * The file exists once `persons.create` answered: the arrival is a second call. If it is refused,
   * the user is told the file was created and lands on it (where the arrival can be recorded).
   */
  async function checkInCreated(saved: Person) {
    forgetNewPersonName();
    const step = 'waiting_interview';
    try {
      await checkIn.mutateAsync({
        personId: saved.id,
        siteId: session.currentSiteId ?? saved.siteId,
        step,
        priority: 'normal',
      });
      const stillToAsk = someLeftForLater(consents) ? ` ${t('persons.form.consentStillToAsk')}` : '';
      notifications.show({
        color: 'teal',
        message:
          t('persons.form.createdAndCheckedIn', {
            file: saved.fileNumber,
            name: saved.nameUsed,
            step: t(`catalogue.visitSteps.${step}`),
          }) + stillToAsk,
      });
      void navigate({ to: '/board', ignoreBlocker: true });
    } catch (error) {
      notifications.show({
        color: 'orange',
        autoClose: false,
        message: t('persons.form.createdCheckInFailed', {
          file: saved.fileNumber,
          reason: errorText(t, apiErrorOf(error)),
        }),
      });
      void navigate({ ...personLinks.dossier(saved.id), ignoreBlocker: true });
    }
  }

  async function reload() {
    const fresh = readAgain ? await readAgain() : null;
    if (!fresh) return;
    setVersion(fresh.version);
    form.setValues(valuesOf(fresh));
    form.resetDirty();
    setFailure(null);
  }

  function cancel() {
    forgetNewPersonName();
    void navigate(person ? personLinks.dossier(person.id) : personLinks.search());
  }

  return (
    <Stack maw={1200}>
      <div>
        <Title order={1}>
          {person ? t('persons.form.editTitle', { name: person.nameUsed }) : t('persons.form.createTitle')}
        </Title>
        <Text c="dimmed">{person ? person.fileNumber : t('persons.form.createIntro')}</Text>
      </div>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: person ? 12 : 8 }}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <FormFailure
                failure={failure}
                conflict={{ title: t('persons.form.conflictTitle'), onReload: () => void reload() }}
              />
              <PersonFields form={form} editing={person !== null} />
              {person ? (
                <FormActions submitLabel={t('app.save')} onCancel={cancel} pending={pending} />
              ) : (
                <>
                  <ConsentQuestions value={consents} onChange={setConsents} />
                  <CreateActions
                    checkInFirst={checksInFirst}
                    onOtherAction={() => {
                      arrives.current = !checksInFirst;
                      submit();
                    }}
                    onCancel={cancel}
                    pending={pending}
                  />
                </>
              )}
            </Stack>
          </form>
        </Grid.Col>
        {!person && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <div style={{ position: 'sticky', top: 80 }}>
              <DuplicatesPanel values={form.values} />
            </div>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
