import { DrawInputs, type ReplayResponse } from '../../../src-shared/register-api/index.js';
import { type LogRow, canonicalJson } from './allocation-log.js';
import { DrawError, draw } from './draw.js';

/**
 * Re-runs a logged draw from its stored inputs through the same pure function and compares the whole
 * result (judges, chances, flag), not only the judges.
 */
export function replayLogRow(row: LogRow): ReplayResponse {
  const storedJudgeIds = Array.isArray(row.result.judgeIds) ? row.result.judgeIds.map(String) : [];
  const base = { seq: row.seq, kind: row.kind, storedJudgeIds };
  const parsed = DrawInputs.safeParse(row.inputs.draw);
  if (row.inputs.draw === null || row.inputs.draw === undefined || !parsed.success) {
    return {
      ...base,
      replayable: false,
      follows: null,
      replayedJudgeIds: null,
      message:
        row.inputs.draw == null
          ? `a ${row.kind} entry records a decision without a draw: nothing to replay`
          : 'the stored draw inputs are not readable: the entry cannot be replayed',
    };
  }
  try {
    const replayed = draw(parsed.data);
    const follows = canonicalJson(replayed) === canonicalJson(row.result);
    return {
      ...base,
      replayable: true,
      follows,
      replayedJudgeIds: replayed.judgeIds,
      message: follows
        ? 'the stored result follows from the stored inputs'
        : 'the stored result does NOT follow from the stored inputs',
    };
  } catch (error) {
    if (!(error instanceof DrawError)) throw error;
    return { ...base, replayable: true, follows: false, replayedJudgeIds: null, message: error.message };
  }
}
