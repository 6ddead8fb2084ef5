// Child of minutes-kill.test.ts: opens the encrypted cache, opens the hearing's minutes and applies
// one entry per batch as fast as it can, printing `ack <revision> <entryId>` after each answer —
// the moment the renderer would be told "saved". The parent SIGKILLs it mid-loop.
import { createFilingService } from '../../../../src-main/services/filing.js';
import { createMinutesHandlers } from '../../../../src-main/services/minutes/index.js';
import { openCache } from '../../../../src-main/services/store/cache.js';
import { HEARING_ID, SECRETARY, seedHearingCase } from './fixtures.js';

const [file, key, run] = process.argv.slice(2);
if (!file || !key || !run) throw new Error('usage: kill-child FILE KEY RUN');
const cache = openCache(file, { key });
if (cache.prepare('SELECT count(*) AS n FROM cases').pluck().get() === 0) seedHearingCase(cache);
const handlers = createMinutesHandlers({
  session: { require: () => ({ cache, user: SECRETARY }) },
  // The desktop's filing service; this child only types (it is killed before anything is filed).
  filing: createFilingService({ blobStoreFor: () => null }),
  events: { emit: () => undefined },
});
const { id } = await handlers['minutes:open']({ hearingId: HEARING_ID });
process.stdout.write(`open ${id}\n`);
for (let i = 0; ; i++) {
  const entryId = `r${run}-${i}`;
  const { revision } = await handlers['minutes:apply']({
    minutesId: id,
    ops: [
      { op: 'entry.add', entry: { id: entryId, kind: 'statement', text: `Lause ${i} käib nii` } },
      // An edit of the previous entry in the same batch, as typing goes on.
      ...(i > 0
        ? [{ op: 'entry.update' as const, id: `r${run}-${i - 1}`, patch: { text: `Lause ${i - 1} lõpp.` } }]
        : []),
    ],
  });
  process.stdout.write(`ack ${revision} ${entryId}\n`);
}
