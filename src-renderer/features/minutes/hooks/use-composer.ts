import { useCallback, useRef, useState } from 'react';
import type { EntryKind, MinutesOp } from '../../../../src-shared/contract/minutes';

export interface Composer {
  kind: EntryKind;
  speakerId: string | null;
  text: string;
  /** The entry being typed (added at its first keystroke), or null while the composer is empty. */
  entryId: string | null;
  /** When the entry being typed was stamped: its first keystroke. */
  stampedAt: string | null;
  type(text: string): void;
  setKind(kind: EntryKind): void;
  setSpeaker(speakerId: string | null): void;
  /** Enter: the entry is done, the composer empties and keeps its kind and speaker. */
  commit(): boolean;
}

interface Live {
  entryId: string | null;
  stampedAt: string | null;
  text: string;
}

const EMPTY: Live = { entryId: null, stampedAt: null, text: '' };

/**
 * The composer at the bottom of the timeline. Its entry is added to the minutes at the first
 * keystroke, stamped with that moment (where the audio marker should point), and updated with
 * every keystroke after it: an unfinished sentence is saved like any other change and survives a
 * crash as an entry of the timeline.
 */
export function useComposer(
  apply: (...ops: MinutesOp[]) => void,
  /** What a new entry of this kind refers to (a ruling its application), or null. */
  refersTo: (kind: EntryKind) => string | null = () => null,
  newId: () => string = () => crypto.randomUUID(),
): Composer {
  const [kind, setKindState] = useState<EntryKind>('statement');
  const [speakerId, setSpeakerState] = useState<string | null>(null);
  const [live, setLive] = useState<Live>(EMPTY);
  // Refs: keystrokes can come faster than renders.
  const liveRef = useRef<Live>(EMPTY);
  const kindRef = useRef<EntryKind>('statement');
  const speakerRef = useRef<string | null>(null);

  const update = (next: Live) => {
    liveRef.current = next;
    setLive(next);
  };

  const type = useCallback(
    (text: string) => {
      const current = liveRef.current;
      if (current.entryId === null) {
        if (text === '') return;
        const entryId = newId();
        const at = new Date().toISOString();
        apply({
          op: 'entry.add',
          entry: {
            id: entryId,
            kind: kindRef.current,
            at,
            speakerId: speakerRef.current,
            text,
            refersToId: refersTo(kindRef.current),
          },
        });
        update({ entryId, stampedAt: at, text });
      } else if (text === '') {
        // Emptied again: no entry; the next keystroke stamps a new one.
        apply({ op: 'entry.remove', id: current.entryId });
        update(EMPTY);
      } else {
        apply({ op: 'entry.update', id: current.entryId, patch: { text } });
        update({ ...current, text });
      }
    },
    [apply, newId, refersTo],
  );

  const setKind = useCallback(
    (next: EntryKind) => {
      kindRef.current = next;
      setKindState(next);
      const { entryId } = liveRef.current;
      if (entryId !== null) {
        const refersToId = refersTo(next);
        apply({
          op: 'entry.update',
          id: entryId,
          patch: { kind: next, refersToId: refersToId === entryId ? null : refersToId },
        });
      }
    },
    [apply, refersTo],
  );

  const setSpeaker = useCallback(
    (next: string | null) => {
      speakerRef.current = next;
      setSpeakerState(next);
      const { entryId } = liveRef.current;
      if (entryId !== null) apply({ op: 'entry.update', id: entryId, patch: { speakerId: next } });
    },
    [apply],
  );

  const commit = useCallback(() => {
    const current = liveRef.current;
    if (current.entryId === null || current.text.trim() === '') return false;
    update(EMPTY);
    return true;
  }, []);

  return {
    kind,
    speakerId,
    text: live.text,
    entryId: live.entryId,
    stampedAt: live.stampedAt,
    type,
    setKind,
    setSpeaker,
    commit,
  };
}
