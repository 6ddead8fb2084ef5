import { describe, expect, it } from 'vitest';
import tokensCss from '../../../src-renderer/styles/tokens.css?raw';

type Theme = 'light' | 'dark';

function readColours(css: string): Record<Theme, Map<string, string>> {
  const colours = { light: new Map<string, string>(), dark: new Map<string, string>() };
  for (const match of css.matchAll(
    /--([\w-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/gi,
  )) {
    colours.light.set(match[1]!, match[2]!);
    colours.dark.set(match[1]!, match[3]!);
  }
  return colours;
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// Text needs 4.5:1 (WCAG AA); borders of controls, focus rings and status dots need 3:1.
const TEXT_PAIRS: Array<[foreground: string, background: string]> = [
  ['color-text', 'color-bg'],
  ['color-text', 'color-surface'],
  ['color-text', 'color-hover'],
  ['color-text', 'color-accent-subtle'],
  ['color-text', 'color-danger-subtle'],
  ['color-text-muted', 'color-bg'],
  ['color-text-muted', 'color-surface'],
  ['color-text-muted', 'color-hover'],
  ['color-text-muted', 'color-accent-subtle'],
  ['color-text-muted', 'color-danger-subtle'],
  ['color-accent', 'color-bg'],
  ['color-accent', 'color-surface'],
  ['color-on-accent', 'color-accent'],
  ['color-danger', 'color-bg'],
  ['color-danger', 'color-surface'],
  ['color-warning-text', 'color-warning-bg'],
];
const NON_TEXT_PAIRS: Array<[foreground: string, background: string]> = [
  ['color-border-strong', 'color-bg'],
  ['color-border-strong', 'color-surface'],
  ['color-focus', 'color-bg'],
  ['color-focus', 'color-surface'],
  ['color-focus', 'color-accent-subtle'],
  ['color-accent', 'color-accent-subtle'],
  ['color-online', 'color-surface'],
];

describe('design tokens', () => {
  const colours = readColours(tokensCss);

  it('define every colour for both themes', () => {
    const names = [...TEXT_PAIRS, ...NON_TEXT_PAIRS].flat();
    for (const name of names) expect(colours.light.has(name), name).toBe(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`meet WCAG AA contrast in the ${theme} theme`, () => {
      const failures: string[] = [];
      const check = (pairs: typeof TEXT_PAIRS, minimum: number) => {
        for (const [fg, bg] of pairs) {
          const ratio = contrast(colours[theme].get(fg)!, colours[theme].get(bg)!);
          if (ratio < minimum) failures.push(`${fg} on ${bg}: ${ratio.toFixed(2)} < ${minimum}`);
        }
      };
      check(TEXT_PAIRS, 4.5);
      check(NON_TEXT_PAIRS, 3);
      expect(failures).toEqual([]);
    });
  }

  it('use the type scale 12/14/16/20/24 and a 14 px base', () => {
    const sizes = [...tokensCss.matchAll(/--text-(\d+):\s*([\d.]+)rem/g)].map((m) => [
      Number(m[1]),
      Number(m[2]) * 16,
    ]);
    expect(sizes).toEqual([
      [12, 12],
      [14, 14],
      [16, 16],
      [20, 20],
      [24, 24],
    ]);
  });
});
