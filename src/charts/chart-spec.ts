// What a chart builder returns: an ECharts option (plain JSON: no functions, so it can cross
// into the worker thread and render the same every time) and the picture's size.
export interface ChartSpec {
  /** Stable id, also the file name stem: "funds-completion". */
  name: string;
  /** What the chart shows, in Chinese: the image's caption in logs and dry runs. */
  caption: string;
  width: number;
  height: number;
  option: Record<string, unknown>;
}

export interface ChartImage {
  name: string;
  caption: string;
  filename: string;
  png: Buffer;
  svg: string;
}

/** Charts are drawn 1080 px wide: a phone shows them at about a third, so text is ≥ 24 px. */
export const CHART_WIDTH = 1080;

export const FONT = { title: 34, subtitle: 24, label: 24, axis: 24, legend: 24 } as const;

export const COLOR = {
  ok: "#2f6fdb",
  behind: "#e8590c",
  line: "#c92a2a",
  target: "#868e96",
  up: "#2b8a3e",
  down: "#c92a2a",
  text: "#212529",
  muted: "#495057",
} as const;

export const TITLE_HEIGHT = 110;
