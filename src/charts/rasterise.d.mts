export interface RasteriseOptions {
  width: number;
  height: number;
  /** One face of a TTF/OTF font with the chart's glyphs (see chart-font.ts). */
  face: Uint8Array;
  /** Its family name ("Noto Sans CJK SC"). */
  family: string;
}

export function chartSvg(option: Record<string, unknown>, options: Omit<RasteriseOptions, "face">): string;
export function rasterise(
  option: Record<string, unknown>,
  options: RasteriseOptions,
): Promise<{ svg: string; png: Buffer }>;
