import { z } from 'zod';

/** The user's private note on a case, as the local-first store holds it. */
export const LocalNote = z.object({
  caseId: z.string(),
  text: z.string(),
  baseVersion: z.number().int().nullable(),
  serverVersion: z.number().int().nullable(),
  /** Edits the register has not confirmed yet. */
  unsent: z.boolean(),
  conflictId: z.string().nullable(),
});
export type LocalNote = z.infer<typeof LocalNote>;

/** Both texts of a note edited in two places: nothing is dropped until the user chooses. */
export const NoteConflict = z.object({
  id: z.string(),
  caseId: z.string(),
  localText: z.string(),
  serverText: z.string().nullable(),
  serverVersion: z.number().int().nullable(),
  createdSeq: z.number().int(),
});
export type NoteConflict = z.infer<typeof NoteConflict>;

/** A change the register refused for good, shown to the user with a retry and a dismiss. */
export const FailedChange = z.object({
  id: z.string(),
  kind: z.string(),
  caseId: z.string(),
  error: z.string(),
  attempts: z.number().int(),
});
export type FailedChange = z.infer<typeof FailedChange>;

export const NOTE_MAX_LENGTH = 20_000;

/** The background download of the documents of the user's own cases and coming hearings. */
export const DocumentsProgress = z.object({
  running: z.boolean(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type DocumentsProgress = z.infer<typeof DocumentsProgress>;
