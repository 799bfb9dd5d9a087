// Named push destinations ("leaders", "work-group", a unit's name) → a channel's webhook.
// Both channels use the same shape: "<name>=<target>" pairs separated by commas or newlines,
// e.g. WECOM_WEBHOOKS="leaders=KEY1,work-group=KEY2,城西镇=KEY3".
export function parseDestinations(raw: string | undefined, variable: string, problems: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (raw ?? "")
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf("=");
    const name = at > 0 ? pair.slice(0, at).trim() : "";
    const target = at > 0 ? pair.slice(at + 1).trim() : "";
    if (!name || !target) problems.push(`${variable}: "${pair.replace(/=.*/, "=…")}" is not name=target`);
    else if (map.has(name)) problems.push(`${variable}: destination "${name}" is given twice`);
    else map.set(name, target);
  }
  return map;
}
