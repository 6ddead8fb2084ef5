import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/index.js';
import { DOCX_MEDIA_TYPE, type ExportedFile } from '../../../src-shared/contract/drafting.js';
import type { Minutes, minutesChannels } from '../../../src-shared/contract/minutes.js';
import { authorize, caseTargetOfSnapshot } from '../../../src-shared/domain/access.js';
import { docxExport, renderCourtDocx } from '../drafting/docx/index.js';
import type { FilingService } from '../filing-types.js';
import type { ActiveSession } from '../session.js';
import type { CacheDb } from '../store/cache.js';
import { getCaseSnapshot } from '../store/case-queries.js';
import {
  type MinutesRecord,
  type MinutesRowPatch,
  durably,
  insertMinutes,
  minutesIdOfHearing,
  readMinutes,
  updateMinutesRow,
} from '../store/minutes-store.js';
import { applyMinutesOps } from './apply.js';
import { type ApprovalCards, approvers, identifyApprover } from './approve.js';
import { checkMinutes } from './check.js';
import { type CourtDocument, MINUTES_DOCUMENT_TITLE, minutesToCourtDocument } from './document.js';
import { findHearing, listMyHearings } from './hearings.js';
import { audioFileName, minutesDeadline, prefillMinutes } from './prefill.js';

export { applyMinutesOps } from './apply.js';
export { audioPosition } from '../../../src-shared/domain/minutes-ops.js';
export { type ApprovalCards, approvers, comparableName, identifyApprover } from './approve.js';
export { checkMinutes } from './check.js';
export { type CourtDocument, formatAudio, minutesToCourtDocument } from './document.js';
export { listMyHearings } from './hearings.js';
export { audioFileName, courtLocal, minutesDeadline, prefillMinutes } from './prefill.js';

type MinutesChannels = typeof minutesChannels;
export type MinutesHandlers = {
  [C in keyof MinutesChannels]: (
    input: z.output<MinutesChannels[C]['input']>,
  ) => Promise<z.output<MinutesChannels[C]['output']>>;
};

export interface MinutesDeps {
  /** The active session or an `unauthenticated` error. */
  session: { require(): Pick<ActiveSession, 'cache' | 'user'> };
  filing: FilingService;
  /** `minutes:changed` for status changes (finalise, reopen, approve, submit). */
  events: { emit(event: 'minutes:changed', payload: { minutesIds: string[] }): void };
  /** The DOCX writer; `renderCourtDocx` of src-main/services/drafting/docx unless given. */
  renderDocx?: (doc: CourtDocument) => Promise<Uint8Array>;
  now?: () => Date;
  /**
   * The ID-card reader the presiding judge approves with on this (the secretary's) computer; the
   * `cards` of src-main/services/index.ts. Without it `minutes:approve` answers `unavailable`.
   */
  cards?: ApprovalCards;
}

/** The stored minutes with what is derived: deadline, audio file name, the filing's state. */
export function toMinutes(cache: CacheDb, record: MinutesRecord, filing: FilingService, now: Date): Minutes {
  const filed = filing.get(cache, 'minutes', record.id);
  const { finalisedAt: _f, submittedAt: _s, caseId: _c, ...rest } = record;
  return {
    ...rest,
    audioFileName: audioFileName(
      record.header.caseNumber,
      record.header.scheduledAt,
      record.recordingStartedAt,
    ),
    deadline: minutesDeadline(record.header.date, now),
    filing: filed ? { state: filed.state, documentNumber: filed.documentNumber, error: filed.error } : null,
  };
}

const notFinalised = (
  status: Minutes['status'],
  from: readonly Minutes['status'][] = ['finalised'],
): AppError =>
  new AppError('conflict', `The minutes are ${status}; this needs them ${from.join(' or ')}.`, {
    reason: `status-${status}`,
  });

/**
 * Hearing minutes, local first: made from the cached hearing, changed by small durable batches,
 * checked, finalised, approved by a judge of the hearing, exported and filed through the outbox.
 */
export function createMinutesHandlers(deps: MinutesDeps): MinutesHandlers {
  const now = deps.now ?? (() => new Date());
  const changed = (id: string) => deps.events.emit('minutes:changed', { minutesIds: [id] });

  const load = (cache: CacheDb, id: string): Minutes => {
    const record = readMinutes(cache, id);
    // The register numbered it: the minutes are filed.
    if (record.status === 'submitted' && deps.filing.get(cache, 'minutes', id)?.state === 'filed') {
      durably(cache, () => updateMinutesRow(cache, id, { status: 'filed' }, now().toISOString()));
      return toMinutes(cache, readMinutes(cache, id), deps.filing, now());
    }
    return toMinutes(cache, record, deps.filing, now());
  };

  /** Moves the minutes from one of `from` to a new status, in one durable step. */
  const transition = (
    cache: CacheDb,
    id: string,
    from: readonly Minutes['status'][],
    patch: MinutesRowPatch,
    guard?: (record: MinutesRecord) => void,
  ): Minutes => {
    durably(cache, () => {
      const record = readMinutes(cache, id);
      if (!from.includes(record.status)) throw notFinalised(record.status, from);
      guard?.(record);
      updateMinutesRow(cache, id, patch, now().toISOString());
    });
    changed(id);
    return load(cache, id);
  };

  const render = async (minutes: Minutes): Promise<Uint8Array> => {
    return (deps.renderDocx ?? renderCourtDocx)(minutesToCourtDocument(minutes));
  };

  return {
    'minutes:hearings': async () => {
      const { cache, user } = deps.session.require();
      return listMyHearings(cache, user.id, now());
    },
    'minutes:open': async ({ hearingId }) => {
      const { cache, user } = deps.session.require();
      const existing = minutesIdOfHearing(cache, hearingId);
      if (existing) return load(cache, existing);
      const found = findHearing(cache, hearingId);
      const snapshot = found ? getCaseSnapshot(cache, found.caseId) : undefined;
      if (!found || !snapshot)
        throw new AppError('not_found', `Hearing ${hearingId} is not on this computer.`);
      // As the register would decide it, from what the cache knows of the case.
      if (!authorize(user, 'minutes.write', caseTargetOfSnapshot(snapshot)))
        throw new AppError(
          'forbidden',
          `You may not write the minutes of hearings in case ${snapshot.number}.`,
        );
      const { header, participants } = prefillMinutes(snapshot, found.hearing);
      const id = randomUUID();
      insertMinutes(cache, {
        id,
        hearingId,
        caseId: snapshot.id,
        header,
        participants,
        now: now().toISOString(),
      });
      return load(cache, id);
    },
    'minutes:get': async ({ minutesId }) => load(deps.session.require().cache, minutesId),
    'minutes:apply': async ({ minutesId, baseRevision, ops }) =>
      applyMinutesOps(deps.session.require().cache, minutesId, ops, { baseRevision, now: now() }),
    'minutes:check': async ({ minutesId }) =>
      checkMinutes(readMinutes(deps.session.require().cache, minutesId)),
    'minutes:finalise': async ({ minutesId }) => {
      const { cache } = deps.session.require();
      const at = now().toISOString();
      return transition(cache, minutesId, ['draft'], { status: 'finalised', finalisedAt: at }, (record) => {
        const errors = checkMinutes(record).filter((i) => i.severity === 'error');
        if (errors.length)
          throw new AppError(
            'conflict',
            `The minutes lack required content: ${errors.map((e) => e.code).join(', ')}.`,
            {
              reason: 'incomplete',
            },
          );
      });
    },
    'minutes:reopen': async ({ minutesId }) =>
      transition(deps.session.require().cache, minutesId, ['finalised', 'approved'], {
        status: 'draft',
        finalisedAt: null,
        approvedBy: null,
        approvedAt: null,
      }),
    'minutes:approve': async ({ minutesId, cardId, pin }) => {
      const { cache } = deps.session.require();
      const record = readMinutes(cache, minutesId, false);
      // Refused before the card is touched: no PIN try is spent on minutes that cannot be approved.
      if (record.status !== 'finalised') throw notFinalised(record.status);
      if (!deps.cards)
        throw new AppError('unavailable', 'No ID-card reader is available to approve the minutes with.', {
          reason: 'card_module_unavailable',
        });
      // Who may approve comes from the register's hearing, not from the editable participants.
      const allowed = approvers(record, findHearing(cache, record.hearingId)?.hearing);
      const approvedBy = await identifyApprover(deps.cards, cardId, pin, allowed);
      return transition(cache, minutesId, ['finalised'], {
        status: 'approved',
        approvedBy,
        approvedAt: now().toISOString(),
      });
    },
    'minutes:export': async ({ minutesId }): Promise<ExportedFile> => {
      const minutes = load(deps.session.require().cache, minutesId);
      // Named like the audio of the scheduled hearing (`2-25-7_2026-12-01_0930_protokoll.docx`), not
      // like a decision (`decisionFileName` would give `2-25-7_protokoll.docx`).
      const fileName = audioFileName(minutes.header.caseNumber, minutes.header.scheduledAt, null).replace(
        /\.mp3$/,
        '_protokoll.docx',
      );
      return docxExport(fileName, await render(minutes));
    },
    'minutes:submit': async ({ minutesId }) => {
      const { cache } = deps.session.require();
      const minutes = load(cache, minutesId);
      // Approved, or submitted and refused by the register: it may go (again).
      const submittable = (status: Minutes['status'], state = minutes.filing?.state) =>
        status === 'approved' || (status === 'submitted' && state === 'failed');
      if (!submittable(minutes.status))
        throw new AppError(
          'conflict',
          `Only approved minutes go to the register; these are ${minutes.status}.`,
          {
            reason: `status-${minutes.status}`,
          },
        );
      const bytes = await render(minutes);
      const caseId = minutes.header.caseId;
      durably(cache, () => {
        // Checked again inside the transaction: the renderer may have sent it twice.
        const state = deps.filing.get(cache, 'minutes', minutesId)?.state;
        if (!submittable(readMinutes(cache, minutesId, false).status, state))
          throw new AppError('conflict', 'The minutes were submitted already.', {
            reason: 'status-submitted',
          });
        deps.filing.file(cache, {
          sourceKind: 'minutes',
          sourceId: minutesId,
          caseId,
          kind: 'minutes',
          title: MINUTES_DOCUMENT_TITLE,
          bytes,
          mediaType: DOCX_MEDIA_TYPE,
          decisionKind: null,
          hearingId: minutes.hearingId,
          occurredAt: minutes.startedAt ?? minutes.header.scheduledAt,
        });
        updateMinutesRow(
          cache,
          minutesId,
          { status: 'submitted', submittedAt: now().toISOString() },
          now().toISOString(),
        );
      });
      changed(minutesId);
      return load(cache, minutesId);
    },
  };
}
