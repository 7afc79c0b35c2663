/**
 * English rendering of connector messages for the unit tests, the same way for every connector: a test that
 * reads "what the user sees" must fail when a key or a {{param}} is missing, not print the key.
 */
import type { Msg } from '../../main/connectors/types';

export type LocaleTree = { readonly [key: string]: string | LocaleTree };

/** A dotted path's node in one namespace's English locale file, or undefined. */
export const lookupIn =
  (locale: LocaleTree) =>
  (dotted: string): string | LocaleTree | undefined =>
    dotted.split('.').reduce<string | LocaleTree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), locale);

/** The English text of a Msg, with i18next's plural suffixes and {{param}} interpolation; throws if missing. */
export function englishRenderer(namespace: string, lookup: (dotted: string) => string | LocaleTree | undefined): (message: Msg) => string {
  return (message) => {
    const [ns, path] = message.key.split(':') as [string, string];
    if (ns !== namespace) throw new Error(`not a ${namespace} key: ${message.key}`);
    const count = message.params?.['count'];
    const plural = typeof count === 'number' ? lookup(`${path}_${count === 1 ? 'one' : 'other'}`) : undefined;
    const template = plural ?? lookup(path);
    if (typeof template !== 'string') throw new Error(`missing English text for ${message.key}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
      const value = message.params?.[name];
      if (value === undefined) throw new Error(`${message.key} needs {{${name}}}`);
      return String(value);
    });
  };
}

/** Every Msg inside a value (results, rows, descriptors), for the "all keys exist" assertions. */
export function messagesIn(value: unknown): Msg[] {
  if (Array.isArray(value)) return value.flatMap(messagesIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record['key'] === 'string' && Object.keys(record).every((key) => key === 'key' || key === 'params')) return [record as unknown as Msg];
  return Object.values(record).flatMap(messagesIn);
}
