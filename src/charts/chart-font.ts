// The CJK font charts are drawn with. resvg reads TTF/OTF (not WOFF) and silently leaves out
// text it has no font for, so the file is named explicitly and its absence is an error.
import { readFileSync } from "node:fs";
import { extractFace } from "./ttc-face.ts";

/** Debian's fonts-noto-cjk (installed by .ci/run; add it to the deployment image). */
export const DEFAULT_CHART_FONT_FILE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/** The Simplified Chinese face inside the Noto CJK collection. */
export const DEFAULT_CHART_FONT_FAMILY = "Noto Sans CJK SC";

export interface ChartFont {
  family: string;
  /** The family's face as a standalone font file. */
  face: Buffer;
}

export class ChartFontMissingError extends Error {
  constructor(file: string, why: string) {
    super(
      `chart font ${file}: ${why}. Install the Debian package fonts-noto-cjk, or set CHART_FONT_FILE (and CHART_FONT_FAMILY) to a TTF/OTF/TTC with Chinese glyphs`,
    );
    this.name = "ChartFontMissingError";
  }
}

/** Reads the font and picks out the family's face; throws ChartFontMissingError when it cannot. */
export function loadChartFont(file = DEFAULT_CHART_FONT_FILE, family = DEFAULT_CHART_FONT_FAMILY): ChartFont {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new ChartFontMissingError(file, "not found or not readable");
  }
  let face: Buffer | null = null;
  try {
    face = extractFace(bytes, family);
  } catch {
    face = null;
  }
  if (!face)
    throw new ChartFontMissingError(file, `no face of the family "${family}" in it (or not a TTF/OTF/TTC file)`);
  return { family, face };
}
