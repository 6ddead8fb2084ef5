import { describe, expect, it } from 'vitest';
import { interpolate, type MessageKey } from '../../../src-renderer/i18n/dictionary';
import { domainLabel, type DomainCodeGroup } from '../../../src-renderer/i18n/domain-labels';
import type { Translate } from '../../../src-renderer/i18n/i18n-provider';
import { DICTIONARIES, LANGUAGES } from '../../../src-renderer/i18n/languages';

// Written out rather than imported from the helper, so a code dropped from its lists fails here.
// The values are those the register's demo data (src-register/seed) writes.
const REGISTER_CODES: Record<DomainCodeGroup, readonly string[]> = {
  partyRole: [
    'plaintiff',
    'defendant',
    'third_party',
    'accused',
    'victim',
    'prosecutor',
    'applicant',
    'person_concerned',
    'guardianship_authority',
    'complainant',
    'respondent',
    'extrajudicial_body',
    'participant',
  ],
  hearingKind: ['main', 'preliminary', 'pronouncement'],
  stepKind: [
    'registered',
    'judge_assigned',
    'accepted',
    'suspended',
    'decided',
    'closed',
    'hearing_scheduled',
  ],
  documentKind: [
    'statement_of_claim',
    'indictment',
    'complaint',
    'application',
    'defence',
    'power_of_attorney',
    'ruling',
    'minutes',
    'judgment',
  ],
};

const GROUPS = Object.keys(REGISTER_CODES) as DomainCodeGroup[];

describe('domain labels', () => {
  for (const language of LANGUAGES) {
    const dictionary = DICTIONARIES[language];
    const t: Translate = (key, ...params) => interpolate(dictionary[key], params[0]);

    it(`label every register code in ${language}`, () => {
      for (const group of GROUPS) {
        for (const code of REGISTER_CODES[group]) {
          const key = `${group}.${code}`;
          expect(Object.hasOwn(dictionary, key), key).toBe(true);
          const label = domainLabel(t, group, code);
          expect(label, key).toBe(dictionary[key as MessageKey]);
          expect(label.trim(), key).not.toBe('');
        }
      }
    });

    it(`show an unknown code as the register wrote it in ${language}`, () => {
      for (const group of GROUPS) {
        expect(domainLabel(t, group, 'video_hearing')).toBe('video_hearing');
        expect(domainLabel(t, group, '')).toBe('');
      }
      // A code of one group is not a label of another, nor is another dictionary key.
      expect(domainLabel(t, 'hearingKind', 'plaintiff')).toBe('plaintiff');
      expect(domainLabel(t, 'partyRole', 'judge')).toBe('judge');
      expect(domainLabel(t, 'stepKind', 'constructor')).toBe('constructor');
    });
  }

  it('translate the labels, not just echo the code', () => {
    const t: Translate = (key, ...params) => interpolate(DICTIONARIES.et[key], params[0]);
    expect(domainLabel(t, 'partyRole', 'prosecutor')).toBe('prokurör');
    expect(domainLabel(t, 'hearingKind', 'preliminary')).toBe('eelistung');
    expect(domainLabel(t, 'stepKind', 'judge_assigned')).toBe('Kohtunik määratud');
    expect(domainLabel(t, 'documentKind', 'statement_of_claim')).toBe('hagiavaldus');
  });
});
