import { describe, expect, it } from 'vitest';
import {
  isValidPersonalCode,
  makePersonalCode,
  personalCodeCheckDigit,
} from '../../src-shared/domain/personal-code.js';

describe('Estonian personal identification codes', () => {
  it('accepts codes with a correct check digit', () => {
    // The well-known specimen code and the Web eID test card's code.
    expect(isValidPersonalCode('37605030299')).toBe(true);
    expect(isValidPersonalCode('38001085718')).toBe(true);
  });

  it('rejects a wrong check digit, an impossible date, a bad century digit and wrong lengths', () => {
    expect(isValidPersonalCode('37605030298')).toBe(false);
    expect(isValidPersonalCode('37602300299')).toBe(false);
    expect(isValidPersonalCode('97605030299')).toBe(false);
    expect(isValidPersonalCode('3760503029')).toBe(false);
    expect(isValidPersonalCode('376050302990')).toBe(false);
    expect(isValidPersonalCode('3760503029x')).toBe(false);
  });

  it('falls back to the second weights, and to 0 when both give 10', () => {
    // Search a range of serials for both fallback cases so each branch is exercised.
    let second = 0;
    let zero = 0;
    for (let serial = 0; serial < 1000; serial++) {
      const firstTen = `3800108${String(serial).padStart(3, '0')}`;
      const digits = [...firstTen].map(Number);
      const first = digits.reduce((s, d, i) => s + d * [1, 2, 3, 4, 5, 6, 7, 8, 9, 1][i]!, 0) % 11;
      if (first !== 10) continue;
      const next = digits.reduce((s, d, i) => s + d * [3, 4, 5, 6, 7, 8, 9, 1, 2, 3][i]!, 0) % 11;
      if (next === 10) {
        zero++;
        expect(personalCodeCheckDigit(firstTen)).toBe(0);
      } else {
        second++;
        expect(personalCodeCheckDigit(firstTen)).toBe(next);
      }
    }
    expect(second).toBeGreaterThan(0);
    expect(zero).toBeGreaterThan(0);
  });

  it('makes valid codes from their parts', () => {
    const code = makePersonalCode(4, new Date(Date.UTC(1985, 10, 23)), 27);
    expect(code.slice(0, 10)).toBe('4851123027');
    expect(isValidPersonalCode(code)).toBe(true);
  });
});
