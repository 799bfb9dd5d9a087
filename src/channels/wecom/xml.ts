// The flat <xml> documents of the self-built app callback (protocol §2.3–2.5): one root, leaf
// fields as text or CDATA. Real messages use both (§3.8 C has no CDATA). No DTDs, no
// entities beyond the five predefined and numeric ones: anything else is refused.

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlFormatError";
  }
}

const DOCUMENT = /^\s*(?:<\?xml[^>]*\?>\s*)?<xml>([\s\S]*)<\/xml>\s*$/;
const FIELD = /<([A-Za-z_][\w.-]*)>((?:<!\[CDATA\[[\s\S]*?\]\]>)+|[^<]*)<\/\1>/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const ENTITY = /&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Leaf fields of the root <xml> element; the first occurrence of a name wins. */
export function readXmlFields(xml: string): Map<string, string> {
  if (xml.includes("<!DOCTYPE") || xml.includes("<!ENTITY")) throw new XmlFormatError("DTDs are not accepted");
  const root = DOCUMENT.exec(xml);
  if (!root) throw new XmlFormatError("not an <xml> document");
  const fields = new Map<string, string>();
  for (const m of root[1]!.matchAll(FIELD)) {
    const [, name, raw] = m as unknown as [string, string, string];
    if (fields.has(name)) continue;
    fields.set(name, raw.startsWith("<![CDATA[") ? [...raw.matchAll(CDATA)].map((c) => c[1]).join("") : decodeEntities(raw));
  }
  return fields;
}

function decodeEntities(text: string): string {
  if (/&(?!(?:lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/.test(text)) throw new XmlFormatError("bad entity");
  return text.replace(ENTITY, (_, e: string) => {
    if (e[0] !== "#") return NAMED[e]!;
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (code > 0x10ffff) throw new XmlFormatError("bad character reference");
    return String.fromCodePoint(code);
  });
}

/** CDATA section for any text: "]]>" inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}
