// A WebM file from VP8 frames (WebCodecs' EncodedVideoChunk data), and a ZIP of PNG frames where
// the browser cannot encode video: the few container bytes a clip needs, written here rather than
// pulled in as a library. Loaded only when a clip is recorded.

const utf8 = new TextEncoder();

/** An unsigned integer as the fewest big-endian bytes (at least one). */
function uint(n) {
  const out = [];
  let v = Math.floor(n);
  do { out.unshift(v % 256); v = Math.floor(v / 256); } while (v > 0);
  return Uint8Array.from(out);
}

/** A 64-bit float, big-endian. */
function float(x) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x);
  return b;
}

/** Byte arrays joined. */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** An EBML element: its ID (hex), its size as an 8-byte variable-length integer, its data. */
function el(id, ...data) {
  const body = concat(data.map((d) => (typeof d === 'string' ? utf8.encode(d) : d)));
  const idBytes = Uint8Array.from(id.match(/../g).map((h) => parseInt(h, 16)));
  const size = new Uint8Array(8);
  size[0] = 0x01;
  let v = body.length;
  for (let i = 7; i >= 1; i -= 1) { size[i] = v % 256; v = Math.floor(v / 256); }
  return concat([idBytes, size, body]);
}

/** Frames a cluster holds: its blocks' times stay within a 16-bit offset of its own. */
const CLUSTER_FRAMES = 100;

/**
 * A WebM file of VP8 `frames` (`{ data: Uint8Array, key: boolean, ms? }`: at `ms`, or one every
 * `1000 / fps` ms),
 * `width × height` pixels.
 */
export function webm(frames, { width, height, fps }) {
  const ms = (i) => Math.round((i * 1000) / fps);
  const header = el('1A45DFA3',
    el('4286', uint(1)), el('42F7', uint(1)), el('42F2', uint(4)), el('42F3', uint(8)),
    el('4282', 'webm'), el('4287', uint(2)), el('4285', uint(2)));
  const info = el('1549A966',
    el('2AD7B1', uint(1_000_000)), el('4D80', 'bgloop'), el('5741', 'bgloop'),
    el('4489', float(ms(frames.length))));
  const tracks = el('1654AE6B', el('AE',
    el('D7', uint(1)), el('73C5', uint(1)), el('9C', uint(0)), el('86', 'V_VP8'), el('83', uint(1)),
    el('E0', el('B0', uint(width)), el('BA', uint(height)))));
  const clusters = [];
  for (let start = 0; start < frames.length; start += CLUSTER_FRAMES) {
    const blocks = frames.slice(start, start + CLUSTER_FRAMES).map((f, k) => {
      const head = new Uint8Array(4);
      head[0] = 0x81; // track 1
      // The encoder's own time of the frame where it gives one (a dropped frame leaves a gap).
      const at = (i) => frames[i].ms ?? ms(i);
      new DataView(head.buffer).setInt16(1, at(start + k) - at(start));
      head[3] = f.key ? 0x80 : 0x00;
      return el('A3', head, f.data);
    });
    clusters.push(el('1F43B675', el('E7', uint(frames[start].ms ?? ms(start))), ...blocks));
  }
  return concat([header, el('18538067', info, tracks, ...clusters)]);
}

/** CRC-32 (the ZIP one) of `bytes`. */
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** The files' date in the archive: 1 January 1980, the first a ZIP can say (the clip's frames
 * are the same whenever they are made). */
const DOS_DATE = (1 << 5) | 1;

/** A ZIP archive (stored, not compressed: PNGs are compressed already) of `files`
 * (`{ name, data: Uint8Array }`). */
export function zip(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const f of files) {
    const name = utf8.encode(f.name);
    const crc = crc32(f.data);
    const local = new Uint8Array(30);
    const v = new DataView(local.buffer);
    v.setUint32(0, 0x04034b50, true); v.setUint16(4, 20, true); v.setUint16(12, DOS_DATE, true); v.setUint32(14, crc, true);
    v.setUint32(18, f.data.length, true); v.setUint32(22, f.data.length, true); v.setUint16(26, name.length, true);
    parts.push(local, name, f.data);
    const entry = new Uint8Array(46);
    const e = new DataView(entry.buffer);
    e.setUint32(0, 0x02014b50, true); e.setUint16(4, 20, true); e.setUint16(6, 20, true); e.setUint16(14, DOS_DATE, true); e.setUint32(16, crc, true);
    e.setUint32(20, f.data.length, true); e.setUint32(24, f.data.length, true); e.setUint16(28, name.length, true);
    e.setUint32(42, offset, true);
    central.push(entry, name);
    offset += 30 + name.length + f.data.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = new Uint8Array(22);
  const d = new DataView(end.buffer);
  d.setUint32(0, 0x06054b50, true); d.setUint16(8, files.length, true); d.setUint16(10, files.length, true);
  d.setUint32(12, size, true); d.setUint32(16, offset, true);
  return concat([...parts, ...central, end]);
}
