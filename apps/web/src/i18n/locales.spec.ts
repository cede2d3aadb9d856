import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const load = (language: string): Tree =>
  JSON.parse(readFileSync(join('apps/web/src/i18n', `${language}.json`), 'utf8')) as Tree;

function placeholders(tree: Tree): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        found[`${prefix}${key}`] = [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
      } else walk(value, `${prefix}${key}.`);
    }
  };
  walk(tree, '');
  return found;
}

describe('translations', () => {
  const english = load('en');

  it.each(['kk', 'ru'])('%s has exactly the keys of English, none of them empty', (language) => {
    const other = load(language);
    expect(keysOf(other).sort()).toEqual(keysOf(english).sort());
    const blank = keysOf(other).filter((key) => {
      const value = key
        .split('.')
        .reduce<Tree | string>((node, part) => (node as Tree)[part]!, other);
      return typeof value === 'string' && value.trim() === '';
    });
    expect(blank).toEqual([]);
  });

  it.each(['kk', 'ru'])('%s uses the same placeholders as English in every text', (language) => {
    expect(placeholders(load(language))).toEqual(placeholders(english));
  });
});
