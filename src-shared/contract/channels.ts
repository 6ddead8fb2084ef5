import { z } from 'zod';
import { CaseSnapshot, CaseSummary, ProcedureType } from '../domain/index.js';
import { CardList, Pin, SessionInfo } from './id-card.js';
import { DocumentsProgress, FailedChange, LocalNote, NOTE_MAX_LENGTH, NoteConflict } from './notes.js';
import { SyncStatus } from './sync-status.js';
import { draftingChannels } from './drafting.js';
import { minutesChannels } from './minutes.js';
import { viewerChannels } from './viewer.js';
import { workspaceChannels } from './workspace.js';

const CaseId = z.string().min(1).max(64);

/**
 * The one list of channels between the renderer and the desktop host.
 * Each `feature:action` maps to zod schemas for its input and output; the
 * preload, the browser bridge and the handler registry are generated from it.
 */
export const channels = {
  'app:info': {
    input: z.void(),
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      registerUrl: z.string(),
      /** The PKCS#11 module the app reads ID cards through. */
      cardModule: z.string(),
    }),
  },
  'card:list': { input: z.void(), output: CardList },
  'session:get': { input: z.void(), output: SessionInfo.nullable() },
  /** Signs in with the card's authentication key; online through the register, offline by the pinned certificate. */
  'session:signIn': {
    input: z.object({ cardId: z.string().min(1).max(128), pin: Pin }),
    output: SessionInfo,
  },
  'session:signOut': { input: z.void(), output: z.null() },
  'cases:list': {
    input: z
      .object({
        text: z.string().max(200).optional(),
        procedureType: ProcedureType.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .optional(),
    output: z.array(CaseSummary),
  },
  'cases:get': {
    input: z.object({ caseId: z.string().min(1).max(64) }),
    output: CaseSnapshot,
  },
  'notes:get': { input: z.object({ caseId: CaseId }), output: LocalNote.nullable() },
  /** Saved locally at once with its outbox entry; reaches the register when it can. */
  'notes:put': {
    input: z.object({ caseId: CaseId, text: z.string().max(NOTE_MAX_LENGTH) }),
    output: LocalNote,
  },
  'notes:conflicts': { input: z.void(), output: z.array(NoteConflict) },
  'notes:resolve': {
    input: z.object({ conflictId: z.string().min(1).max(64), choice: z.enum(['mine', 'theirs']) }),
    output: LocalNote.nullable(),
  },
  'outbox:failed': { input: z.void(), output: z.array(FailedChange) },
  'outbox:retry': { input: z.object({ id: z.string().min(1).max(64) }), output: z.null() },
  'outbox:dismiss': { input: z.object({ id: z.string().min(1).max(64) }), output: z.null() },
  'documents:progress': { input: z.void(), output: DocumentsProgress },
  'sync:status': { input: z.void(), output: SyncStatus },
  'sync:now': { input: z.void(), output: SyncStatus },
  ...workspaceChannels,
  ...viewerChannels,
  ...draftingChannels,
  ...minutesChannels,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;
export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}
