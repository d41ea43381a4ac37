/**
 * The catalogues that are lists of codes (diagnoses, specialties): an entry may be retired and
 * reactivated, never removed or renamed once saved; the centre adds its own with a label. A new
 * entry is checked where it is typed (format, duplicate) before it joins the list, and joins it as
 * typed (nothing trimmed); until the save it can still be taken out.
 */
import { Badge, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  catalogueLabelSchema,
  diagnosisCodeSchema,
  specialtyCodeSchema,
  type CatalogueView,
} from '../../../../shared/contract/clinical-catalogues';
import { INFECTIONS, isActive, type Infection } from '../../../../shared/domain/clinical-catalogues';
import { TableHead } from '../../../app/list-page';
import { PageFooter, usePaged } from '../../../app/paging';
import { fieldIssueFromZod, fieldIssueText } from '../../../i18n/error-text';
import { CatalogueFormFrame, useCatalogueForm } from '../CatalogueForm';
import { diagnosisLabel, specialtyLabel } from '../labels';

interface NewEntry {
  code: string;
  label: string;
  infection: string;
}

/** The refusal of a new entry's code and label, as the save would give it (null: none). */
function useNewEntryCheck(codeSchema: z.ZodType<string>, existing: readonly string[]) {
  const { t } = useTranslation();
  return (entry: NewEntry): { code?: string; label?: string } => {
    const errors: { code?: string; label?: string } = {};
    const code = codeSchema.safeParse(entry.code);
    if (!code.success && code.error.issues[0])
      errors.code = fieldIssueText(t, fieldIssueFromZod(code.error.issues[0]));
    else if (existing.includes(entry.code)) errors.code = t('validation.catalogue_code_duplicate');
    const label = catalogueLabelSchema.safeParse(entry.label);
    if (!label.success && label.error.issues[0])
      errors.label = fieldIssueText(t, fieldIssueFromZod(label.error.issues[0]));
    return errors;
  };
}

function AddEntry({
  title,
  codeSchema,
  existing,
  withInfection,
  onAdd,
}: {
  title: string;
  codeSchema: z.ZodType<string>;
  existing: readonly string[];
  withInfection: boolean;
  onAdd: (entry: NewEntry) => void;
}) {
  const { t } = useTranslation();
  const empty = { code: '', label: '', infection: '' };
  const [entry, setEntry] = useState<NewEntry>(empty);
  const [errors, setErrors] = useState<{ code?: string; label?: string }>({});
  const check = useNewEntryCheck(codeSchema, existing);
  function add() {
    const found = check(entry);
    setErrors(found);
    if (found.code || found.label) return;
    // As typed: a code with spaces around it was refused above, a label is kept word for word.
    onAdd(entry);
    setEntry(empty);
  }
  return (
    <Group align="flex-start" component="fieldset" aria-label={title} style={{ border: 0, padding: 0 }}>
      <TextInput
        label={t('clinicalCatalogues.code')}
        value={entry.code}
        error={errors.code}
        onChange={(e) => setEntry({ ...entry, code: e.currentTarget.value })}
        w={160}
      />
      <TextInput
        label={t('clinicalCatalogues.label')}
        value={entry.label}
        error={errors.label}
        onChange={(e) => setEntry({ ...entry, label: e.currentTarget.value })}
        w={320}
      />
      {withInfection && (
        <Select
          label={t('clinicalCatalogues.diagnosis.infection')}
          value={entry.infection}
          data={[
            { value: '', label: t('clinicalCatalogues.diagnosis.noInfection') },
            ...INFECTIONS.map((i) => ({ value: i, label: t(`clinicalCatalogues.infections.${i}`) })),
          ]}
          allowDeselect={false}
          onChange={(value) => setEntry({ ...entry, infection: value ?? '' })}
          w={200}
        />
      )}
      <Button mt={25} variant="light" onClick={add}>
        {title}
      </Button>
    </Group>
  );
}

function StateCell({
  active,
  label,
  saved,
  onToggle,
  onRemove,
}: {
  active: boolean;
  label: string;
  saved: boolean;
  onToggle: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const action = t(active ? 'clinicalCatalogues.retire' : 'clinicalCatalogues.reactivate');
  return (
    <Group gap="xs">
      {!active && <Badge color="gray">{t('clinicalCatalogues.retired')}</Badge>}
      {saved ? (
        <Button
          size="compact-sm"
          variant="light"
          color={active ? 'red' : 'teal'}
          aria-label={`${action} · ${label}`}
          onClick={onToggle}
        >
          {action}
        </Button>
      ) : (
        <Button size="compact-sm" variant="subtle" color="gray" onClick={onRemove}>
          {t('clinicalCatalogues.removeUnsaved')}
        </Button>
      )}
    </Group>
  );
}

const DIAGNOSES_PAGE = 50;

export function DiagnosesEditor({
  view,
  onReload,
}: {
  view: CatalogueView<'diagnoses'>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useCatalogueForm(view);
  const saved = new Set(view.content.map((d) => d.code));
  const entries = form.values.content;
  // Up to 500 codes (the schema's bound): shown a page at a time, edited as one list.
  const paged = usePaged(entries, DIAGNOSES_PAGE);
  const offset = (paged.page - 1) * DIAGNOSES_PAGE;
  return (
    <CatalogueFormFrame view={view} form={form} onReload={onReload}>
      <Table striped>
        <TableHead
          columns={[
            t('clinicalCatalogues.code'),
            t('clinicalCatalogues.label'),
            t('clinicalCatalogues.diagnosis.infection'),
            t('clinicalCatalogues.columns.state'),
          ]}
        />
        <Table.Tbody>
          {paged.shown.map((entry, shownIndex) => {
            const i = offset + shownIndex;
            const label = diagnosisLabel(t, entry);
            const rowError = form.errors[`content.${i}.code`] ?? form.errors[`content.${i}.label`];
            return (
              <Table.Tr key={entry.code}>
                <Table.Td>{entry.code}</Table.Td>
                <Table.Td>
                  {label}
                  {rowError && (
                    <Badge color="red" ml="sm" role="alert">
                      {rowError}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {entry.infection ? t(`clinicalCatalogues.infections.${entry.infection}`) : '—'}
                </Table.Td>
                <Table.Td>
                  <StateCell
                    active={isActive(entry)}
                    label={`${entry.code} ${label}`}
                    saved={saved.has(entry.code)}
                    // A shipped code carries no flag: reactivating takes the flag away again.
                    onToggle={() =>
                      form.setFieldValue(`content.${i}.active`, isActive(entry) ? false : undefined)
                    }
                    onRemove={() => form.removeListItem('content', i)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <PageFooter
        total={paged.total}
        page={paged.page}
        pages={paged.pages}
        setPage={paged.setPage}
        size="sm"
      />
      <AddEntry
        title={t('clinicalCatalogues.diagnosis.add')}
        codeSchema={diagnosisCodeSchema}
        existing={entries.map((d) => d.code)}
        withInfection
        onAdd={({ code, label, infection }) => {
          form.insertListItem('content', {
            code,
            label,
            ...(infection ? { infection: infection as Infection } : {}),
          });
          // The new code is at the end: show the page it is on.
          paged.setPage(Math.ceil((entries.length + 1) / DIAGNOSES_PAGE));
        }}
      />
    </CatalogueFormFrame>
  );
}

export function SpecialtiesEditor({
  view,
  onReload,
}: {
  view: CatalogueView<'specialties'>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useCatalogueForm(view);
  const saved = new Set(view.content.map((s) => s.code));
  const entries = form.values.content;
  return (
    <CatalogueFormFrame view={view} form={form} onReload={onReload}>
      <Table striped>
        <TableHead
          columns={[
            t('clinicalCatalogues.code'),
            t('clinicalCatalogues.label'),
            t('clinicalCatalogues.columns.state'),
          ]}
        />
        <Table.Tbody>
          {entries.map((entry, i) => {
            const label = specialtyLabel(t, entry);
            return (
              <Table.Tr key={entry.code}>
                <Table.Td>{entry.code}</Table.Td>
                <Table.Td>{label}</Table.Td>
                <Table.Td>
                  <StateCell
                    active={entry.active}
                    label={label}
                    saved={saved.has(entry.code)}
                    onToggle={() => form.setFieldValue(`content.${i}.active`, !entry.active)}
                    onRemove={() => form.removeListItem('content', i)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Stack>
        <AddEntry
          title={t('clinicalCatalogues.specialty.add')}
          codeSchema={specialtyCodeSchema}
          existing={entries.map((s) => s.code)}
          withInfection={false}
          onAdd={({ code, label }) => form.insertListItem('content', { code, label, active: true })}
        />
      </Stack>
    </CatalogueFormFrame>
  );
}
