/**
 * The laboratory CSV import of the screenings capability (docs/lab-results-csv.md): a preview
 * that reads and matches every line and writes nothing, then a commit of the same content that
 * checks it all again and writes every result, or nothing.
 */
import { z } from 'zod';
import { ANATOMICAL_SITES, INFECTIONS, TEST_CODES } from '../domain/clinical-catalogues';
import { RESULT_INTERPRETATIONS } from '../domain/screenings';
import { channel } from './channel';
import { idSchema } from './common';

/** The file as read by the screen: its name and its text (5 MB at most; the core counts bytes). */
export const LAB_IMPORT_MAX_CHARS = 5 * 1024 * 1024;

const labFileSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    content: z.string().max(LAB_IMPORT_MAX_CHARS, 'csv_too_large'),
  })
  .strict();

/** One refusal: the line and the column of the file when it is about one. */
export const labImportErrorSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  reason: z.string(),
});
export type LabImportError = z.infer<typeof labImportErrorSchema>;

/** One result line as matched: whose file, which sample, what it says and what it opens. */
export const labImportLineSchema = z.object({
  line: z.number().int(),
  fileNumber: z.string(),
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  testCode: z.enum(TEST_CODES).nullable(),
  sampleDate: z.string(),
  anatomicalSite: z.enum(ANATOMICAL_SITES).nullable(),
  sampleId: idSchema.nullable(),
  /** What the result of the sample will read (on the sample's first line; null on a refused one). */
  interpretation: z.enum(RESULT_INTERPRETATIONS).nullable(),
  infections: z.array(z.enum(INFECTIONS)),
  /** The infections whose Test and Treat item the result opens (the treatments catalogue's). */
  toTreat: z.array(z.enum(INFECTIONS)),
});
export type LabImportLine = z.infer<typeof labImportLineSchema>;

export const labImportPreviewSchema = z.object({
  fileName: z.string(),
  fileSha256: z.string(),
  /** Every result line, in file order. */
  rows: z.array(labImportLineSchema),
  /** The results it would write (a CT/NG sample or an HBV serology spans several lines). */
  results: z.number().int(),
  errors: z.array(labImportErrorSchema),
});
export type LabImportPreview = z.infer<typeof labImportPreviewSchema>;

export const labImportCommitSchema = z.object({
  /** The `lab_import` row written; null when the file was refused (nothing written). */
  importId: idSchema.nullable(),
  results: z.number().int(),
  /** The dossiers written, for the summary's links. */
  persons: z.array(
    z.object({
      personId: idSchema,
      fileNumber: z.string(),
      name: z.string(),
      results: z.number().int(),
      toTreat: z.array(z.enum(INFECTIONS)),
    }),
  ),
  /** Never empty when the import is refused (nothing written); empty on success. */
  errors: z.array(labImportErrorSchema),
});
export type LabImportCommit = z.infer<typeof labImportCommitSchema>;

export const labImportChannels = {
  /** Reads and matches every line of a laboratory file; writes nothing. */
  'screenings.importPreview': channel(labFileSchema, labImportPreviewSchema),
  /** The same file again: every result written in one transaction, or none. */
  'screenings.importCommit': channel(labFileSchema, labImportCommitSchema),
};
