import { describe, expect, it } from 'vitest';
import { interpolate } from '../../../src-renderer/i18n/dictionary';
import { en } from '../../../src-renderer/i18n/en';
import { et } from '../../../src-renderer/i18n/et';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('have the same keys in Estonian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(et).sort());
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(et)) {
      const english = en[key as keyof typeof et];
      expect(text.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it('interpolate named placeholders and leave unknown ones visible', () => {
    expect(interpolate('Kohtunik: {name}', { name: 'Kadri Kask' })).toBe('Kohtunik: Kadri Kask');
    expect(interpolate('{done} / {total}', { done: 1 })).toBe('1 / {total}');
  });
});
