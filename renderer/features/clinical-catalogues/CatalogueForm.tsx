/**
 * What every catalogue editor shares: the form over the catalogue's content and the reason, the
 * check with the contract's schema before sending (each refusal next to its field, as the core
 * would name it), the save as a new version from the version the editor started at, and the
 * refusals the core alone can give (a conflict, a code removed) above the form.
 */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT, detailText, type ChannelInput } from '../../../shared/contract';
import type { CatalogueView } from '../../../shared/contract/clinical-catalogues';
import type { CatalogueContent, CatalogueKey } from '../../../shared/domain/clinical-catalogues';
import { useDirtyGuard } from '../../app/dirty-forms';
import { schemaErrors } from '../../app/form-errors';
import { FormFailure, useFormFailure } from '../../app/form-failure';
import { useSaveCatalogue } from './api';

export interface CatalogueFormValues<K extends CatalogueKey> {
  content: CatalogueContent[K];
  reason: string;
}

export type CatalogueForm<K extends CatalogueKey> = UseFormReturnType<CatalogueFormValues<K>>;

/** The core names fields by their contract path (`content.alertBelow`): the form's own paths. */
function formPathOf(field: string): string | null {
  return field === 'reason' || field.startsWith('content.') ? field : null;
}

export function useCatalogueForm<K extends CatalogueKey>(view: CatalogueView<K>) {
  const form = useForm<CatalogueFormValues<K>>({
    initialValues: { content: structuredClone(view.content), reason: '' },
  });
  useDirtyGuard(form.isDirty());
  return form;
}

export function CatalogueFormFrame<K extends CatalogueKey>({
  view,
  form,
  onReload,
  children,
}: {
  view: CatalogueView<K>;
  form: CatalogueForm<K>;
  onReload: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const save = useSaveCatalogue();
  const { failure, setFailure, fail } = useFormFailure(form, formPathOf);
  const removed = failure ? detailText(failure.details, 'code') : undefined;

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = {
      catalogue: view.catalogue,
      version: view.version,
      content: values.content,
      reason: values.reason,
    } as ChannelInput<'catalogues.save'>;
    const errors = schemaErrors(CONTRACT['catalogues.save'].input, input, t);
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    save.mutate(input, {
      onSuccess: () => {
        // The page shows the new version (keyed by its number): nothing is left unsaved here.
        form.resetDirty();
        notifications.show({ color: 'green', message: t('clinicalCatalogues.saved') });
      },
      onError: fail,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {children}
        <TextInput
          label={t('clinicalCatalogues.reason')}
          description={t('clinicalCatalogues.reasonHint')}
          required
          maw={600}
          {...form.getInputProps('reason')}
        />
        <FormFailure
          failure={failure}
          conflict={{
            title: t('clinicalCatalogues.conflictTitle'),
            text: t('clinicalCatalogues.conflictText'),
            onReload,
          }}
        />
        {removed && <Text c="red">{t('clinicalCatalogues.removedCode', { code: removed })}</Text>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('clinicalCatalogues.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
