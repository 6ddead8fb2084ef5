import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NOTE_MAX_LENGTH } from '../../../../src-shared/contract/notes';
import { onHostEvent } from '../../../platform/chambers';
import { noteKeys, noteQuery, useSaveNote, type LocalNote } from '../api/note-queries';

/** Typing is saved after this long a pause (and at once when the field loses focus). */
export const NOTE_SAVE_PAUSE_MS = 600;

export type NoteSaveState =
  'loading' | 'loadFailed' | 'tooLong' | 'failed' | 'saving' | 'empty' | 'unsent' | 'sent';

export interface NoteEditor {
  text: string;
  /** The note as the local store holds it (null: never written); undefined until loaded. */
  note: LocalNote | null | undefined;
  state: NoteSaveState;
  /** The error of the load (state 'loadFailed') or of the last save (state 'failed'). */
  error: unknown;
  change(text: string): void;
  /** Saves now what is waiting for the pause: on blur, and the retry of a failed save. */
  flush(): void;
  reload(): void;
}

/**
 * The private note's text while the user edits it. The field is the user's: a note fetched again
 * (after a sync, say) replaces the text only when nothing typed is waiting to be saved.
 */
export function useNoteEditor(caseId: string): NoteEditor {
  const queryClient = useQueryClient();
  const query = useQuery(noteQuery(caseId));
  const save = useSaveNote(caseId);
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [seen, setSeen] = useState<LocalNote | null | undefined>(undefined);
  // Read by the pause timer and the blur, which must see the latest values, not a render's.
  const textRef = useRef('');
  const savedRef = useRef('');
  /** The text of the last put asked for; null after a failure, so the same text is sent again. */
  const requestedRef = useRef<string | null>('');
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  const remote = query.data;
  if (remote !== seen) {
    // A note arrived (first load, a refetch, our own put's answer): apply it unless edits wait.
    setSeen(remote);
    const idle =
      textRef.current === savedRef.current &&
      requestedRef.current === savedRef.current &&
      timerRef.current === null;
    if (remote !== undefined && idle) {
      const fetched = remote?.text ?? '';
      textRef.current = fetched;
      savedRef.current = fetched;
      requestedRef.current = fetched;
      setText(fetched);
      setSavedText(fetched);
    }
  }

  const { mutate } = save;
  const flush = useCallback(() => {
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = null;
    const value = textRef.current;
    if (value === requestedRef.current || value.length > NOTE_MAX_LENGTH) return;
    requestedRef.current = value;
    mutate(value, {
      onSuccess: (note) => {
        savedRef.current = note.text;
        setSavedText(note.text);
      },
      onError: () => {
        requestedRef.current = null;
      },
    });
  }, [mutate]);

  const change = useCallback(
    (next: string) => {
      textRef.current = next;
      setText(next);
      if (timerRef.current !== null) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(flush, NOTE_SAVE_PAUSE_MS);
    },
    [flush],
  );

  // Leaving the case file (or switching cases) still saves what was typed.
  useEffect(() => () => flush(), [flush]);

  // The register's confirmation comes as a sync status (fewer pending changes), not as a changed
  // case: while the note waits to be sent, each new count asks the local store again.
  const unsent = remote?.unsent === true;
  useEffect(() => {
    if (!unsent) return;
    let lastPending: number | null = null;
    return onHostEvent('sync:status', ({ pending }) => {
      if (pending !== lastPending) void queryClient.invalidateQueries({ queryKey: noteKeys.note(caseId) });
      lastPending = pending;
    });
  }, [unsent, caseId, queryClient]);

  const state = ((): NoteSaveState => {
    if (query.isPending) return 'loading';
    if (query.isError && remote === undefined) return 'loadFailed';
    if (text.length > NOTE_MAX_LENGTH) return 'tooLong';
    if (save.isError) return 'failed';
    if (save.isPending || text !== savedText) return 'saving';
    if (!remote) return 'empty';
    return remote.unsent ? 'unsent' : 'sent';
  })();

  return {
    text,
    note: remote,
    state,
    error: state === 'loadFailed' ? query.error : save.error,
    change,
    flush,
    reload: () => void query.refetch(),
  };
}
