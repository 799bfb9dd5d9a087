// The dependency rules of docs/architecture.md, checked on every import in the tree.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));

function files(dir: string): string[] {
  const abs = join(root, dir);
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return files(relative(root, path));
    return name.endsWith(".ts") ? [relative(root, path)] : [];
  });
}

interface Import {
  from: string;
  target: string;
  typeOnly: boolean;
}

/** Every static dependency: `import … from`, `import type`, `export … from`, and bare `import "…"`. */
function imports(file: string): Import[] {
  const text = readFileSync(join(root, file), "utf8");
  const found: Import[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;]*?from\s+)?"([^"]+)";/gms)) {
    const spec = m[2]!;
    const target = spec.startsWith(".") ? relative(root, resolve(join(root, file, ".."), spec)) : spec;
    found.push({ from: file, target, typeOnly: Boolean(m[1]) });
  }
  return found;
}

const violations = (list: string[], rule: (i: Import) => boolean) =>
  list
    .flatMap(imports)
    .filter(rule)
    .map((i) => `${i.from} → ${i.target}`);

const codeFiles = () => [...files("src"), ...files("commands"), ...files("schedules")];

/** The folder a file belongs to for layering: commands, schedules, src/<dir>, or src itself. */
const layer = (file: string) =>
  file.startsWith("src/") && file.split("/").length > 2 ? file.split("/").slice(0, 2).join("/") : file.split("/")[0]!;

/** Cycles in a directed graph, each as its path (Tarjan's strongly connected components). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

function graph(node: (file: string) => string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const i of codeFiles().flatMap(imports)) {
    if (!i.target.endsWith(".ts")) continue; // packages and node: built-ins
    const [a, b] = [node(i.from), node(i.target)];
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  }
  return edges;
}

describe("architecture", () => {
  it("has no import cycle between files, type imports and re-exports included", () => {
    expect(cycles(graph((f) => f))).toEqual([]);
  });

  it("has no import cycle between folders (src/bot ↔ src/store and the like)", () => {
    expect(cycles(graph(layer))).toEqual([]);
  });

  it("finds a cycle when there is one (the checker itself)", () => {
    const edges = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(cycles(edges)).toEqual([["a", "b", "c"]]);
  });

  it("lets commands, schedules, the bot core and the read models see the store only through its interface", () => {
    const users = [...files("commands"), ...files("schedules"), ...files("src/bot"), ...files("src/insights")];
    const allowed = new Set(["src/store/types.ts", "src/store/lease.ts"]);
    expect(
      violations(users, (i) => i.target.startsWith("src/store/") && !(i.typeOnly && allowed.has(i.target))),
    ).toEqual([]);
    const outsideBot = [...files("commands"), ...files("schedules"), ...files("src/insights")];
    expect(violations(outsideBot, (i) => i.target === "src/store/lease.ts")).toEqual([]);
  });

  it("keeps the store below everything that uses it", () => {
    const above = ["src/bot/", "src/push/", "src/channels/", "src/insights/", "commands/", "schedules/"];
    expect(violations(files("src/store"), (i) => above.some((a) => i.target.startsWith(a)))).toEqual([]);
    expect(
      violations(files("src/push"), (i) => i.target.startsWith("src/channels/") || i.target.startsWith("commands/")),
    ).toEqual([]);
  });

  it("keeps commands and schedules away from channels and the store implementation", () => {
    const edge = [...files("commands"), ...files("schedules")];
    expect(violations(edge, (i) => i.target.startsWith("src/channels/"))).toEqual([]);
    expect(violations(edge, (i) => i.target.startsWith("src/store/") && !i.typeOnly)).toEqual([]);
  });

  it("keeps the read models in src/insights on the store's types, away from channels", () => {
    const insights = files("src/insights");
    expect(
      violations(insights, (i) => i.target.startsWith("src/channels/") || i.target.startsWith("commands/")),
    ).toEqual([]);
    expect(violations(insights, (i) => i.target.startsWith("src/store/") && !i.typeOnly)).toEqual([]);
  });

  it("keeps src/domain free of I/O", () => {
    const allowed = (t: string) => t.startsWith("src/domain/") || t === "yaml";
    expect(violations(files("src/domain"), (i) => !allowed(i.target))).toEqual([]);
  });

  it("keeps channels apart from each other, commands and the store; all may use src/channels/shared/", () => {
    for (const channel of readdirSync(join(root, "src/channels"))) {
      const own = files(`src/channels/${channel}`);
      // shared/ is what every channel uses the same way: it imports no platform channel.
      const mayImport = (t: string) =>
        t.startsWith(`src/channels/${channel}/`) || (channel !== "shared" && t.startsWith("src/channels/shared/"));
      expect(
        violations(
          own,
          (i) =>
            (i.target.startsWith("src/channels/") && !mayImport(i.target)) ||
            i.target.startsWith("commands/") ||
            (i.target.startsWith("src/store/") && !i.typeOnly),
        ),
      ).toEqual([]);
    }
  });

  it("keeps the platform-neutral core in src/bot away from the channels and their transport tricks", () => {
    expect(violations(files("src/bot"), (i) => i.target.startsWith("src/channels/"))).toEqual([]);
  });

  it("reads process.env only in config.ts", () => {
    const readers = [...files("src"), ...files("commands"), ...files("schedules")].filter(
      (f) => f !== "src/config.ts" && readFileSync(join(root, f), "utf8").includes("process.env"),
    );
    expect(readers).toEqual([]);
  });
});
