import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

/** The two faces every printed document of the centre is set in. */
export interface PdfFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: it has every Kazakh letter (ә ғ қ ң ө ұ ү һ і).
 * Loaded once and reused: parsing the TTF for each document costs several times the rendering.
 */
export function loadPdfFonts(): PdfFonts {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const load = (file: string): fontkit.Font => {
    const font = fontkit.create(readFileSync(path.join(dir, file))) as fontkit.Font;
    // fontkit caches a glyph with the letters it was first looked up by. Reading a composite glyph
    // (Cyrillic Е is drawn from Latin E) caches its parts with no letter, and a font reused across
    // documents then writes Latin E with no text behind it: a PDF where "REVOKED" extracts as
    // "R VOK D". Looking every letter up first caches each glyph with its own.
    for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
    return font;
  };
  return { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
}
