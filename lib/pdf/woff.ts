import { inflateSync } from "node:zlib";

/**
 * WOFF 1.0 → the TrueType/OpenType file it wraps, inflated once with node:zlib instead of by
 * fontkit's JavaScript inflater at every render. Anything that is not WOFF is returned as is.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.length < 44 || input.toString("latin1", 0, 4) !== "wOFF") return woff;
  const numTables = input.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [input.readUInt32BE(at + 4), input.readUInt32BE(at + 8), input.readUInt32BE(at + 12)];
    const raw = input.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error("Corrupt WOFF table");
    return { tag: input.readUInt32BE(at), checksum: input.readUInt32BE(at + 16), data };
  });
  const headerLength = 12 + 16 * numTables;
  const output = Buffer.alloc(tables.reduce((sum, t) => sum + ((t.data.length + 3) & ~3), headerLength));
  const entrySelector = Math.floor(Math.log2(numTables));
  output.writeUInt32BE(input.readUInt32BE(4), 0); // flavor: the sfnt version
  output.writeUInt16BE(numTables, 4);
  output.writeUInt16BE(16 * 2 ** entrySelector, 6);
  output.writeUInt16BE(entrySelector, 8);
  output.writeUInt16BE(16 * numTables - 16 * 2 ** entrySelector, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    output.writeUInt32BE(table.tag, 12 + i * 16);
    output.writeUInt32BE(table.checksum, 16 + i * 16);
    output.writeUInt32BE(offset, 20 + i * 16);
    output.writeUInt32BE(table.data.length, 24 + i * 16);
    table.data.copy(output, offset);
    offset += (table.data.length + 3) & ~3;
  });
  return output;
}
