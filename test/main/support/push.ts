import type { PushEngine, PushReport, PushSession } from '../../../src-main/services/push.js';

/**
 * One push round that reached the register. A round right after a TCP gate reopens can meet a
 * pooled connection the gate cut (UND_ERR_SOCKET): a temporary error the engine retries later;
 * here the retry comes at once, at most twice.
 */
export async function pushReached(push: Pick<PushEngine, 'push'>, session: PushSession): Promise<PushReport> {
  for (let attempt = 0; ; attempt++) {
    const report = await push.push(session);
    if (report.stopped !== 'offline' || attempt === 2) return report;
  }
}
