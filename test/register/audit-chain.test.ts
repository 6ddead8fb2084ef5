import { describe, expect, it } from 'vitest';
import {
  type AuditChain,
  CHAIN_ORIGIN,
  type ChainRecord,
  type ChainStart,
  GENESIS_HASH,
  PURGE_ACTION,
  canonicalJson,
  recordHash,
  verifyAuditRecords,
} from '../../src-register/domain/audit-chain.js';

type Draft = Pick<ChainRecord, 'chain' | 'action'> & Partial<ChainRecord>;

/** Builds properly linked chains the way the register writes them. */
function build(drafts: Draft[]): { records: ChainRecord[]; heads: Record<AuditChain, ChainStart> } {
  const heads: Record<AuditChain, ChainStart> = { entry: CHAIN_ORIGIN, read: CHAIN_ORIGIN };
  const records = drafts.map((draft, index) => {
    const base = {
      seq: heads[draft.chain].seq + 1,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
      actorUserId: '11111111-1111-4111-8111-111111111111',
      actorName: 'Mari Maasikas',
      actorPersonalCode: '49403136526',
      objectType: 'case',
      objectId: `case-${index}`,
      details: { index, nested: { b: 2, a: [1, { z: true, y: null }] } },
      ...(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)) as Draft),
    };
    const prevHash = heads[draft.chain].hash;
    const hash = recordHash(prevHash, base);
    heads[draft.chain] = { seq: base.seq, hash };
    return { ...base, prevHash, hash };
  });
  return { records, heads };
}

const sample = () =>
  build([
    { chain: 'entry', action: 'case.register' },
    { chain: 'read', action: 'case.read' },
    { chain: 'entry', action: 'case.change' },
    { chain: 'read', action: 'document.read' },
    { chain: 'entry', action: 'case.delete' },
    { chain: 'entry', action: 'session.sign-in' },
  ]);

describe('audit hash chain (pure verification)', () => {
  it('writes canonical JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('accepts intact chains and counts every record', () => {
    const { records, heads } = sample();
    expect(records[0]!.prevHash).toBe(GENESIS_HASH);
    expect(verifyAuditRecords(records, heads)).toEqual({
      ok: true,
      checked: 6,
      chain: null,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('detects an edited field', () => {
    const { records, heads } = sample();
    records[2] = { ...records[2]!, details: { ...records[2]!.details, index: 99 } };
    expect(verifyAuditRecords(records, heads)).toMatchObject({
      ok: false,
      chain: 'entry',
      firstBrokenSeq: 2,
      reason: expect.stringMatching(/changed/),
    });
    const renamed = sample();
    renamed.records[3] = { ...renamed.records[3]!, actorPersonalCode: '37605030299' };
    expect(verifyAuditRecords(renamed.records, renamed.heads)).toMatchObject({
      chain: 'read',
      firstBrokenSeq: 2,
    });
  });

  it('detects a deleted record, in the middle and at the end', () => {
    const middle = sample();
    middle.records.splice(2, 1);
    expect(verifyAuditRecords(middle.records, middle.heads)).toMatchObject({
      ok: false,
      chain: 'entry',
      firstBrokenSeq: 2,
      reason: expect.stringMatching(/missing/),
    });
    const tail = sample();
    tail.records.pop();
    expect(verifyAuditRecords(tail.records, tail.heads)).toMatchObject({
      ok: false,
      chain: 'entry',
      firstBrokenSeq: 4,
      reason: expect.stringMatching(/end of the chain/),
    });
  });

  it('detects two records whose positions were swapped', () => {
    const { records, heads } = sample();
    const [second, third] = [records[2]!, records[4]!];
    records[2] = { ...third, seq: second.seq };
    records[4] = { ...second, seq: third.seq };
    expect(verifyAuditRecords(records, heads)).toMatchObject({
      ok: false,
      chain: 'entry',
      firstBrokenSeq: 2,
    });
  });

  it('restarts the read chain from the checkpoint of the last purge', () => {
    const { records, heads } = sample();
    const purgedThrough = records.filter((r) => r.chain === 'read')[0]!;
    const kept = records.filter((r) => r !== purgedThrough);
    const purge = build([
      ...kept
        .filter((r) => r.chain === 'entry')
        .map((r) => ({ ...r, seq: undefined, prevHash: undefined, hash: undefined })),
      {
        chain: 'entry',
        action: PURGE_ACTION,
        details: { chain: 'read', throughSeq: purgedThrough.seq, throughHash: purgedThrough.hash },
      },
    ]);
    const after = [...purge.records, ...kept.filter((r) => r.chain === 'read')];
    expect(verifyAuditRecords(after, { entry: purge.heads.entry, read: heads.read })).toMatchObject({
      ok: true,
      checked: 6,
    });
    // Without the checkpoint the purged record is simply missing.
    const entriesOnly = kept.filter((r) => r.chain === 'entry');
    expect(
      verifyAuditRecords([...entriesOnly, ...kept.filter((r) => r.chain === 'read')], heads),
    ).toMatchObject({
      ok: false,
      chain: 'read',
      firstBrokenSeq: 1,
    });
  });
});
