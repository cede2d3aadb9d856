import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONSTRAINT_CODES, LANGUAGES, NOT_FOUND_ENTITIES, placeholdersOf } from '@sheber/common';
import { ERROR_CATALOGUES, ERROR_TEXTS } from '../../apps/api/src/common/error-catalogue';

/**
 * Every code the API can send has a text in kk, ru and en with the same parameters: the codes
 * of the catalogues, those of the named constraints, those the database functions raise, and
 * every code literal the sources pass to a domain error, so a code thrown without a catalogue
 * entry fails here. (A code that is not dotted does not compile: see `ErrorCode`.)
 */

const ROOT = process.cwd();

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'web') return [];
    if (statSync(full).isDirectory()) return sources(full);
    if (!name.endsWith('.ts') || name.endsWith('.spec.ts')) return [];
    return [{ file: path.relative(ROOT, full), text: readFileSync(full, 'utf8') }];
  });
}

const SOURCES = [...sources(path.join(ROOT, 'apps')), ...sources(path.join(ROOT, 'libs'))];
const DOTTED = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/** The string literals among the first arguments of each `new XxxError(`, in order. */
function thrownCodes(text: string): { error: string; args: string[] }[] {
  const found: { error: string; args: string[] }[] = [];
  for (const match of text.matchAll(/new (\w+Error)\(\s*/g)) {
    const rest = text.slice(match.index + match[0].length);
    const args = [...rest.matchAll(/\s*'([^'\n]*)'\s*[,)]/gy)].map((m) => m[1]!);
    found.push({ error: match[1]!, args });
  }
  return found;
}

/** `code: '…'` in a field error, a rule or a decorator's context. */
function fieldCodes(text: string): string[] {
  return [...text.matchAll(/\bcode: '([^']+)'/g)].map((m) => m[1]!).filter((c) => DOTTED.test(c));
}

/** Codes given to a helper that lists problems (e.g. checkedMarks' `problem(path, code)`). */
function problemCodes(text: string): string[] {
  return [...text.matchAll(/\bproblem\([^,]+, '([^']+)'/g)].map((m) => m[1]!);
}

describe('error codes', () => {
  it('are dotted and written in kk, ru and en with the same placeholders', () => {
    const problems: string[] = [];
    for (const [domain, catalogue] of Object.entries(ERROR_CATALOGUES)) {
      for (const [code, messages] of Object.entries(catalogue)) {
        if (!DOTTED.test(code)) problems.push(`${domain}: ${code} is not dotted`);
        const expected = placeholdersOf(messages.en);
        for (const language of LANGUAGES) {
          const text = messages[language];
          if (!text?.trim()) problems.push(`${code}: no ${language} text`);
          else if (placeholdersOf(text).join() !== expected.join())
            problems.push(`${code}: ${language} names {${placeholdersOf(text).join('}, {')}}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares each code once, in one domain', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [domain, catalogue] of Object.entries(ERROR_CATALOGUES)) {
      for (const code of Object.keys(catalogue)) {
        if (seen.has(code)) twice.push(`${code} in ${seen.get(code)} and ${domain}`);
        seen.set(code, domain);
      }
    }
    expect(twice).toEqual([]);
  });

  it('has a text for every constraint and record a "not found" names', () => {
    const codes = [...Object.values(CONSTRAINT_CODES), ...Object.values(NOT_FOUND_ENTITIES)];
    expect(codes.filter((code) => !ERROR_TEXTS.has(code))).toEqual([]);
  });

  it('has a text for every code the sources throw', () => {
    const missing: string[] = [];
    const check = (file: string, code: string): void => {
      if (!ERROR_TEXTS.has(code)) missing.push(`${file}: ${code}`);
    };
    let thrown = 0;
    for (const { file, text } of SOURCES) {
      for (const { error, args } of thrownCodes(text)) {
        // InvalidInputError(field, code): its first argument is a field (`person.iin`).
        const candidates = error === 'InvalidInputError' ? args.slice(1, 2) : args.slice(0, 1);
        for (const code of candidates) {
          if (!DOTTED.test(code)) continue;
          thrown += 1;
          check(file, code);
        }
      }
      for (const code of [...fieldCodes(text), ...problemCodes(text)]) check(file, code);
    }
    expect(missing).toEqual([]);
    // The scan sees the throw sites: a broken pattern would find none and pass.
    expect(thrown).toBeGreaterThan(40);
  });

  it('has a text for every refusal the database functions raise', () => {
    // The current source of each function (test/integration/database-functions checks the
    // migrated database against these files).
    const raised = readdirSync(path.join(ROOT, 'libs')).flatMap((lib) => {
      const directory = path.join(ROOT, 'libs', lib, 'src', 'sql');
      let names: string[];
      try {
        names = readdirSync(directory);
      } catch {
        return [];
      }
      return names.flatMap((name) =>
        [
          ...readFileSync(path.join(directory, name), 'utf8').matchAll(
            /RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = '([^']+)'/g,
          ),
        ].map((m) => m[1]!),
      );
    });
    expect(raised.length).toBeGreaterThan(5);
    expect(raised.filter((code) => !DOTTED.test(code) || !ERROR_TEXTS.has(code))).toEqual([]);
  });
});
