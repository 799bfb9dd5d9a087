// ECharts option → SVG (server-side rendering, no DOM) → PNG (resvg). Plain JavaScript so the
// render worker thread can load it without a TypeScript loader; types in rasterise.d.mts.
//
// resvg silently drops text it has no font for, so the font is handed over explicitly (never
// system fallback). It is first cut down to the characters the chart uses: shaping with the
// full 16 MB CJK face costs seconds per chart, with the subset it costs milliseconds, and the
// glyphs drawn are the same.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import subsetFont from "subset-font";

export function chartSvg(option, { width, height, family }) {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, textStyle: { fontFamily: family, ...(option.textStyle ?? {}) } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export async function rasterise(option, { width, height, face, family }) {
  const svg = chartSvg(option, { width, height, family });
  // Every character of the document: the text's are among them; a few extra glyphs cost nothing.
  const subset = await subsetFont(
    Buffer.from(face.buffer, face.byteOffset, face.byteLength),
    [...new Set(svg)].join(""),
    { targetFormat: "sfnt" },
  );
  // By path: resvg-js's fontBuffers option took seconds per chart here and drew differently.
  const dir = mkdtempSync(join(tmpdir(), "zs-chart-"));
  try {
    const file = join(dir, "face.otf");
    writeFileSync(file, subset);
    const resvg = new Resvg(svg, {
      font: { fontFiles: [file], loadSystemFonts: false, defaultFontFamily: family, sansSerifFamily: family },
      background: "#ffffff",
    });
    return { svg, png: resvg.render().asPng() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
