// Extracts one face of a TrueType/OpenType collection (.ttc) as a standalone font file.
// Debian's Noto CJK comes as a collection whose first face is Japanese; the Simplified Chinese
// face is picked out by name so labels get the mainland glyph forms.

const u32 = (b: Buffer, at: number) => b.readUInt32BE(at);
const u16 = (b: Buffer, at: number) => b.readUInt16BE(at);

/** The face's table records: tag, checksum, offset, length (offsets into the collection). */
function tableRecords(font: Buffer, dirOffset: number) {
  const count = u16(font, dirOffset + 4);
  return Array.from({ length: count }, (_, i) => {
    const at = dirOffset + 12 + i * 16;
    return {
      tag: font.toString("latin1", at, at + 4),
      checksum: u32(font, at + 4),
      offset: u32(font, at + 8),
      length: u32(font, at + 12),
    };
  });
}

/** Face offsets of a collection; a plain font is its own single face. */
export function faceOffsets(font: Buffer): number[] {
  if (font.toString("latin1", 0, 4) !== "ttcf") return [0];
  const count = u32(font, 8);
  return Array.from({ length: count }, (_, i) => u32(font, 12 + i * 4));
}

/** The family names (name id 1) a face declares, in any platform encoding we can read. */
export function familyNames(font: Buffer, dirOffset: number): string[] {
  const name = tableRecords(font, dirOffset).find((t) => t.tag === "name");
  if (!name) return [];
  const base = name.offset;
  const count = u16(font, base + 2);
  const strings = base + u16(font, base + 4);
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const at = base + 6 + i * 12;
    const platform = u16(font, at);
    const nameId = u16(font, at + 6);
    if (nameId !== 1) continue;
    const bytes = font.subarray(strings + u16(font, at + 10), strings + u16(font, at + 10) + u16(font, at + 8));
    if (platform === 3 || platform === 0) names.add(Buffer.from(bytes).swap16().toString("utf16le"));
    else if (platform === 1) names.add(bytes.toString("latin1"));
  }
  return [...names];
}

/** The face whose family is `family`, as a standalone font; null when the file has none. */
export function extractFace(font: Buffer, family: string): Buffer | null {
  const dir = faceOffsets(font).find((offset) => familyNames(font, offset).includes(family));
  if (dir === undefined) return null;
  if (dir === 0 && font.toString("latin1", 0, 4) !== "ttcf") return font;
  const tables = tableRecords(font, dir);
  const headerLength = 12 + tables.length * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(headerLength + tables.reduce((sum, t) => sum + padded(t.length), 0));
  font.copy(out, 0, dir, dir + 12); // sfnt version, numTables, search hints
  let cursor = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.write(t.tag, at, "latin1");
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(cursor, at + 8);
    out.writeUInt32BE(t.length, at + 12);
    font.copy(out, cursor, t.offset, t.offset + t.length);
    cursor += padded(t.length);
  });
  return out;
}
