import type { CaseSnapshot } from '../../../src-shared/domain/index.js';

/** A valid snapshot for store tests; pass what the test is about. */
export function makeCase(running: number, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const id = overrides.id ?? `case-${running}`;
  return {
    id,
    number: `2-24-${running}`,
    procedureType: 'civil',
    court: { code: 'HMK', name: 'Harju Maakohus' },
    status: 'in_progress',
    subject: `Nõue number ${running}`,
    category: null,
    claimValueCents: null,
    restriction: 'none',
    registeredAt: new Date(Date.UTC(2024, 0, 1) + running * 86_400_000).toISOString(),
    judge: { id: 'judge-1', name: 'Mari Maasikas' },
    parties: [
      {
        id: `${id}-p1`,
        kind: 'natural',
        name: `Hageja ${running}`,
        code: null,
        role: 'plaintiff',
        representative: null,
      },
    ],
    hearings: [],
    documents: [],
    steps: [],
    version: 1,
    ...overrides,
  };
}

export function makeDocument(
  caseNumber: string,
  n: number,
  title: string,
): CaseSnapshot['documents'][number] {
  return {
    id: `${caseNumber}-d${n}`,
    number: `${caseNumber}/${n}`,
    kind: 'claim',
    title,
    mediaType: 'application/pdf',
    sha256: '0'.repeat(64),
    size: 1000,
    pages: 2,
    restricted: false,
    filedAt: '2024-02-01T10:00:00.000Z',
  };
}
