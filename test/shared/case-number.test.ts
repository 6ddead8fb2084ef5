import { describe, expect, it } from 'vitest';
import {
  audioFileBaseName,
  CaseNumber,
  documentNumber,
  DocumentNumber,
  ecli,
  formatCaseNumber,
  parseCaseNumber,
} from '../../src-shared/domain/case-number.js';

const REAL_NUMBERS = [
  '1-19-6307/59',
  '2-20-12495/29',
  '2-24-4962/38',
  '3-18-1273/27',
  '3-24-601/7',
  '4-23-3306/16',
  '5-24-15/2',
  '2-22-139256',
];

describe('case numbers', () => {
  it('parses and formats real court numbers unchanged', () => {
    for (const number of REAL_NUMBERS) {
      const parts = parseCaseNumber(number);
      expect(parts, number).toBeDefined();
      expect(formatCaseNumber(parts!)).toBe(number);
    }
    expect(parseCaseNumber('2-18-6908/47')).toEqual({
      procedureType: 'civil',
      year: 18,
      running: 6908,
      document: 47,
    });
  });

  it('rejects what is not the official format', () => {
    for (const bad of [
      '',
      '6-24-1',
      '0-24-1',
      '2-2-1',
      '2-024-1',
      '2-24-0',
      '2-24-01',
      '2-24-1234567',
      '2-24-1/0',
      '2-24-1/12345',
      '3-2-1-161-05',
      ' 2-24-1',
      '2-24-1 ',
    ]) {
      expect(parseCaseNumber(bad), bad).toBeUndefined();
    }
  });

  it('tells case numbers from document numbers in the schemas', () => {
    expect(CaseNumber.safeParse('2-24-4962').success).toBe(true);
    expect(CaseNumber.safeParse('2-24-4962/38').success).toBe(false);
    expect(DocumentNumber.safeParse('2-24-4962/38').success).toBe(true);
    expect(DocumentNumber.safeParse('2-24-4962').success).toBe(false);
    for (const notANumber of ['nonsense', '', '6-24-1', '2-24-01/3']) {
      expect(CaseNumber.safeParse(notANumber).success, notANumber).toBe(false);
      expect(DocumentNumber.safeParse(notANumber).success, notANumber).toBe(false);
    }
  });

  it('numbers documents inside a case and refuses to nest them', () => {
    expect(documentNumber('2-24-4962', 38)).toBe('2-24-4962/38');
    expect(() => documentNumber('2-24-4962/38', 1)).toThrow();
  });

  it('derives the ECLI and the audio file name', () => {
    expect(ecli('RK', 2024, '3-24-601/7')).toBe('ECLI:EE:RK:2024:3.24.601.7');
    expect(audioFileBaseName('1-19-6307')).toBe('1_19_6307');
  });
});
