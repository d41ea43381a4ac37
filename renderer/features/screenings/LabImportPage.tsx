/**
 * "Résultats du laboratoire": the nurse or doctor picks the laboratory's CSV file; the core reads
 * and matches every line and writes nothing (preview: whose file, which sample, what it reads,
 * what it opens to treat; or every error by line and column). "Importer" is offered only for a
 * file without error; the core then checks it all again and writes it whole or not at all.
 */
import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabImportCommit, LabImportError, LabImportPreview } from '../../../shared/contract/lab-import';
import { callOrThrow } from '../../api/client';
import { PageTitle } from '../../app/list-page';
import { LongTaskProgress, useLongTask } from '../../app/long-task';
import { PagedFooter, usePaged } from '../../app/paging';
import { QueryError } from '../../app/QueryError';
import { fieldIssueText } from '../../i18n/error-text';
import { personLinks } from '../persons/links';
import { sampleLabel } from './labels';

/** The core refuses more; the screen says so before sending 5 MB. */
export const LAB_FILE_MAX_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 50;

interface LabFile {
  fileName: string;
  content: string;
}

export function LabImportPage() {
  const { t } = useTranslation();
  // "Import another file" starts again from an empty screen.
  const [round, setRound] = useState(0);
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle title={t('screenings.labImport.title')} intro={t('screenings.labImport.intro')} />
      <LabImportFlow key={round} onAnother={() => setRound((r) => r + 1)} />
    </Stack>
  );
}

function LabImportFlow({ onAnother }: { onAnother: () => void }) {
  const { t } = useTranslation();
  const file = useRef<LabFile | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const preview = useLongTask(() => callOrThrow('screenings.importPreview', requireFile(file.current)));
  const commit = useLongTask(() => callOrThrow('screenings.importCommit', requireFile(file.current)));

  async function pick(picked: File | null) {
    setTooLarge(false);
    file.current = null;
    preview.cancel();
    if (!picked) return;
    if (picked.size > LAB_FILE_MAX_BYTES) {
      setTooLarge(true);
      return;
    }
    file.current = { fileName: picked.name, content: await picked.text() };
    preview.run();
  }

  const done: LabImportCommit | undefined = commit.data;
  if (done && done.errors.length === 0) return <ImportDone done={done} onAnother={onAnother} />;
  return (
    <Stack gap="md">
      <FileInput
        label={t('screenings.labImport.pick')}
        placeholder={t('screenings.labImport.pickPlaceholder')}
        accept=".csv,text/csv"
        clearable
        onChange={(f) => void pick(f)}
        error={tooLarge ? t('screenings.labImport.fileTooLarge') : undefined}
        disabled={commit.running}
      />
      <LongTaskProgress
        task={preview}
        label={t('screenings.labImport.reading')}
        onCancel={() => preview.cancel()}
      />
      <LongTaskProgress task={commit} label={t('screenings.labImport.importing')} />
      {preview.isError && <QueryError error={preview.error} onRetry={() => preview.run()} />}
      {commit.isError && <QueryError error={commit.error} onRetry={() => commit.run()} />}
      {/* Refused at the commit (the store changed since the preview): nothing was written. */}
      {done && done.errors.length > 0 && <ErrorList errors={done.errors} />}
      {preview.data && !done && !tooLarge && (
        <PreviewView preview={preview.data} importing={commit.running} onImport={() => commit.run()} />
      )}
    </Stack>
  );
}

function requireFile(file: LabFile | null): LabFile {
  if (!file) throw new Error('no file chosen');
  return file;
}

export function PreviewView({
  preview,
  importing,
  onImport,
}: {
  preview: LabImportPreview;
  importing: boolean;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const paged = usePaged(preview.rows, PAGE_SIZE);
  const canImport = preview.errors.length === 0 && preview.results > 0;
  return (
    <Stack gap="sm">
      {preview.errors.length > 0 ? (
        <ErrorList errors={preview.errors} />
      ) : (
        <Group justify="space-between">
          <Text>
            {t('screenings.labImport.summary', { count: preview.results, lines: preview.rows.length })}
          </Text>
        </Group>
      )}
      <Table striped aria-label={t('screenings.labImport.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('screenings.labImport.columns.line')}</Table.Th>
            <Table.Th>{t('screenings.labImport.columns.fileNumber')}</Table.Th>
            <Table.Th>{t('screenings.labImport.columns.person')}</Table.Th>
            <Table.Th>{t('screenings.labImport.columns.test')}</Table.Th>
            <Table.Th>{t('screenings.labImport.columns.sampleDate')}</Table.Th>
            <Table.Th>{t('screenings.labImport.columns.interpretation')}</Table.Th>
            <Table.Th>{t('screenings.labImport.columns.toTreat')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paged.shown.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td ff="monospace">{row.fileNumber}</Table.Td>
              <Table.Td>{row.personName ?? '—'}</Table.Td>
              <Table.Td>
                {row.testCode
                  ? sampleLabel(t, { testCode: row.testCode, anatomicalSite: row.anatomicalSite })
                  : '—'}
              </Table.Td>
              <Table.Td>{row.sampleDate}</Table.Td>
              <Table.Td>
                {row.interpretation ? (
                  <Badge color={row.interpretation === 'positive' ? 'red' : 'gray'} variant="light">
                    {t(`screenings.labImport.interpretation.${row.interpretation}`)}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('screenings.labImport.notMatched')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {row.toTreat.map((i) => t(`clinicalCatalogues.infections.${i}`)).join(', ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PagedFooter paged={paged} />
      <Group>
        <Button onClick={onImport} disabled={!canImport} loading={importing}>
          {t('screenings.labImport.import')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Every refusal, by line and column, in words. */
export function ErrorList({ errors }: { errors: readonly LabImportError[] }) {
  const { t } = useTranslation();
  const paged = usePaged(errors, PAGE_SIZE);
  return (
    <Alert color="red" title={t('screenings.labImport.errorsTitle', { count: errors.length })}>
      <Table aria-label={t('screenings.labImport.errorsTitle', { count: errors.length })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('screenings.labImport.columns.line')}</Table.Th>
            <Table.Th>{t('screenings.labImport.columns.column')}</Table.Th>
            <Table.Th>{t('screenings.labImport.columns.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paged.shown.map((e, i) => (
            <Table.Tr key={`${e.line ?? 0}-${e.column ?? ''}-${i}`}>
              <Table.Td>{e.line ?? t('screenings.labImport.fileError')}</Table.Td>
              <Table.Td ff="monospace">{e.column ?? '—'}</Table.Td>
              <Table.Td>{fieldIssueText(t, { reason: e.reason })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PagedFooter paged={paged} />
    </Alert>
  );
}

function ImportDone({ done, onAnother }: { done: LabImportCommit; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="green" title={t('screenings.labImport.done', { count: done.results })}>
        <Stack gap={4}>
          {done.persons.map((p) => (
            <Group key={p.personId} gap="xs">
              <Anchor
                renderRoot={(props) => <Link {...props} {...personLinks.dossier(p.personId, 'tests')} />}
              >
                {t('screenings.labImport.openDossier', { name: p.name, fileNumber: p.fileNumber })}
              </Anchor>
              {p.toTreat.length > 0 && (
                <Badge color="red" variant="light">
                  {t('screenings.labImport.doneToTreat', {
                    infections: p.toTreat.map((i) => t(`clinicalCatalogues.infections.${i}`)).join(', '),
                  })}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      </Alert>
      <Group>
        <Button variant="default" onClick={onAnother}>
          {t('screenings.labImport.another')}
        </Button>
      </Group>
    </Stack>
  );
}
