// The flat <xml> documents of the self-built app callback (protocol §2.3–2.5): one root, leaf
// fields as text or CDATA. Real messages use both (§3.8 C has no CDATA).
// No DTDs, no entities beyond the five predefined and numeric ones: anything else is refused.
//
// Read by a single forward scan with indexOf, never a regular expression over the document:
// the body arrives before its signature can be checked, and the expressions this replaced
// backtracked exponentially on "<x>" + "<![CDATA[]]>"×n (issue 16). Every character is looked
// at a bounded number of times, so a 64 KB body costs well under a millisecond.

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlFormatError";
  }
}

const CDATA_OPEN = "<![CDATA[";
const CDATA_CLOSE = "]]>";
/**
 * WeCom's documents have a dozen or two elements (the largest app events, with picture lists, a
 * few dozen): more markup than this is not WeCom's, and the cap bounds the scan's steps.
 */
const MAX_TAGS = 512;
/** WeCom's longest element names are about 20 characters. */
const MAX_NAME = 64;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Leaf fields anywhere under the root <xml> element; the first occurrence of a name wins. */
export function readXmlFields(xml: string): Map<string, string> {
  if (xml.includes("<!DOCTYPE") || xml.includes("<!ENTITY")) throw new XmlFormatError("DTDs are not accepted");
  const [start, end] = rootContent(xml);
  const fields = new Map<string, string>();
  let pos = start;
  let tags = 0;
  while (pos < end) {
    const open = xml.indexOf("<", pos);
    if (open === -1 || open >= end) break;
    if (++tags > MAX_TAGS) throw new XmlFormatError(`more than ${MAX_TAGS} tags`);
    if (xml.startsWith(CDATA_OPEN, open)) {
      // A CDATA section outside a leaf (mixed content): skipped whole.
      const close = xml.indexOf(CDATA_CLOSE, open + CDATA_OPEN.length);
      if (close === -1 || close >= end) throw new XmlFormatError("unterminated CDATA section");
      pos = close + CDATA_CLOSE.length;
      continue;
    }
    const nameEnd = nameEndAt(xml, open + 1);
    if (nameEnd === open + 1 || xml[nameEnd] !== ">") {
      // A closing tag, a comment, a processing instruction or a tag with attributes: not a leaf.
      pos = open + 1;
      continue;
    }
    let at = nameEnd + 1;
    let value: string;
    if (xml.startsWith(CDATA_OPEN, at)) {
      const parts: string[] = [];
      while (xml.startsWith(CDATA_OPEN, at)) {
        const close = xml.indexOf(CDATA_CLOSE, at + CDATA_OPEN.length);
        if (close === -1 || close >= end) throw new XmlFormatError("unterminated CDATA section");
        parts.push(xml.slice(at + CDATA_OPEN.length, close));
        at = close + CDATA_CLOSE.length;
      }
      if (!closesAt(xml, at, open + 1, nameEnd)) {
        pos = at; // not a leaf after all; the sections just read are not looked at again
        continue;
      }
      value = parts.join("");
    } else {
      const next = xml.indexOf("<", at);
      if (next === -1 || next >= end) break;
      if (!closesAt(xml, next, open + 1, nameEnd)) {
        pos = next; // an element with children: read them
        continue;
      }
      value = decodeEntities(xml.slice(at, next));
      at = next;
    }
    const name = xml.slice(open + 1, nameEnd);
    if (!fields.has(name)) fields.set(name, value);
    pos = at + 3 + (nameEnd - open - 1);
  }
  return fields;
}

/** [start, end) of the text between <xml> and the final </xml>, after an optional declaration. */
function rootContent(xml: string): [number, number] {
  let pos = skipBlanks(xml, 0);
  if (xml.startsWith("<?xml", pos)) {
    const close = xml.indexOf("?>", pos);
    if (close === -1) throw new XmlFormatError("not an <xml> document");
    pos = skipBlanks(xml, close + 2);
  }
  if (!xml.startsWith("<xml>", pos)) throw new XmlFormatError("not an <xml> document");
  const end = xml.lastIndexOf("</xml>");
  if (end < pos + 5 || skipBlanks(xml, end + 6) !== xml.length) throw new XmlFormatError("not an <xml> document");
  return [pos + 5, end];
}

/** Whether "</name>" (name = xml[nameStart, nameEnd)) starts at `at`, without building the string. */
function closesAt(xml: string, at: number, nameStart: number, nameEnd: number): boolean {
  const length = nameEnd - nameStart;
  if (xml.charCodeAt(at) !== 60 || xml.charCodeAt(at + 1) !== 47 || xml.charCodeAt(at + 2 + length) !== 62)
    return false;
  for (let i = 0; i < length; i++) if (xml.charCodeAt(at + 2 + i) !== xml.charCodeAt(nameStart + i)) return false;
  return true;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  return i;
}

/** End of an XML-ish name ([A-Za-z_][A-Za-z0-9_.-]*) starting at `from`; `from` when there is none. */
function nameEndAt(text: string, from: number): number {
  const first = text.charCodeAt(from);
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  if (!letter(first)) return from;
  const limit = Math.min(text.length, from + MAX_NAME);
  let i = from + 1;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (!(letter(c) || (c >= 48 && c <= 57) || c === 46 || c === 45)) return i;
  }
  if (i === text.length) return i;
  throw new XmlFormatError(`element name longer than ${MAX_NAME} characters`);
}

/** The five named entities and numeric references; any other "&" is refused. One pass. */
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  let out = "";
  let pos = 0;
  for (let amp = text.indexOf("&"); amp !== -1; amp = text.indexOf("&", pos)) {
    // The longest entity is "&#x10FFFF;" (10 characters): look no further for the ";".
    const semi = text.indexOf(";", amp);
    if (semi === -1 || semi - amp > 9) throw new XmlFormatError("bad entity");
    out += text.slice(pos, amp) + entityValue(text.slice(amp + 1, semi));
    pos = semi + 1;
  }
  return out + text.slice(pos);
}

function entityValue(entity: string): string {
  const named = NAMED[entity];
  if (named !== undefined && Object.hasOwn(NAMED, entity)) return named;
  let code: number;
  if (entity.startsWith("#x") && entity.length >= 3 && entity.length <= 8 && isDigits(entity.slice(2), 16))
    code = parseInt(entity.slice(2), 16);
  else if (entity.startsWith("#") && entity.length >= 2 && entity.length <= 8 && isDigits(entity.slice(1), 10))
    code = parseInt(entity.slice(1), 10);
  else throw new XmlFormatError("bad entity");
  if (code > 0x10ffff) throw new XmlFormatError("bad character reference");
  return String.fromCodePoint(code);
}

function isDigits(text: string, radix: 10 | 16): boolean {
  for (const ch of text) if (Number.isNaN(parseInt(ch, radix))) return false;
  return true;
}

/** CDATA section for any text: "]]>" inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}
