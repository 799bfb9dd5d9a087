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

function imports(file: string): Import[] {
  const text = readFileSync(join(root, file), "utf8");
  const found: Import[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)) {
    const spec = m[2]!;
    const target = spec.startsWith(".") ? relative(root, resolve(join(root, file, ".."), spec)) : spec;
    found.push({ from: file, target, typeOnly: Boolean(m[1]) });
  }
  return found;
}

const violations = (list: string[], rule: (i: Import) => boolean) =>
  list.flatMap(imports).filter(rule).map((i) => `${i.from} → ${i.target}`);

describe("architecture", () => {
  it("keeps commands and schedules away from channels and the store implementation", () => {
    const edge = [...files("commands"), ...files("schedules")];
    expect(violations(edge, (i) => i.target.startsWith("src/channels/"))).toEqual([]);
    expect(violations(edge, (i) => i.target.startsWith("src/store/") && !i.typeOnly)).toEqual([]);
  });

  it("keeps the read models in src/insights on the store's types, away from channels", () => {
    const insights = files("src/insights");
    expect(violations(insights, (i) => i.target.startsWith("src/channels/") || i.target.startsWith("commands/"))).toEqual([]);
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
      const mayImport = (t: string) => t.startsWith(`src/channels/${channel}/`) || (channel !== "shared" && t.startsWith("src/channels/shared/"));
      expect(
        violations(own, (i) =>
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
