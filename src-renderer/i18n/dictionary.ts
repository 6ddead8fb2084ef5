import type { et } from './et';

/** Every UI text has a key; `et` is the source, so a key missing anywhere is a type error. */
export type MessageKey = keyof typeof et;
export type Dictionary = Readonly<Record<MessageKey, string>>;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** `t(key)` for plain texts, `t(key, { name })` when the Estonian text has `{name}` in it. */
export type MessageParams<K extends MessageKey> = [Placeholders<(typeof et)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof et)[K]>, string | number>];

type PluralBase<K> = K extends `${infer Base}.one`
  ? `${Base}.other` extends MessageKey
    ? Base
    : never
  : never;

/** Keys that come as `.one` / `.other` pairs, chosen by Intl.PluralRules. */
export type PluralKey = PluralBase<MessageKey>;

/** Keys whose text has no placeholders: the only ones that may be chosen at run time. */
export type PlainMessageKey = {
  [K in MessageKey]: [Placeholders<(typeof et)[K]>] extends [never] ? K : never;
}[MessageKey];

/** Compiles only when every key of the union exists in the dictionary and takes no parameters. */
export type CheckedKey<K extends PlainMessageKey> = K;

export function interpolate(text: string, params: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
