// Minimal PNG writer for test images (RGB, no filtering), so no image files are committed.
import { deflateSync, crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A PNG of `width`×`height`; `noise` makes it incompressible (large on disk). */
export function png(width, height, { noise = false } = {}) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const row = width * 3 + 1;
  const raw = noise ? randomBytes(row * height) : Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    if (!noise) for (let x = 0; x < width; x++) raw.fill((x * 7 + y * 3) % 256, y * row + 1 + x * 3, y * row + 4 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: noise ? 0 : 6 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A GIF of `width`×`height` random pixels (256-colour palette), stored without compression: every
 * pixel is one 9-bit LZW code, with a clear code before the table would widen the codes. Big on
 * disk on purpose (about 1.1 bytes per pixel).
 */
export function gif(width, height) {
  const screen = Buffer.alloc(7);
  screen.writeUInt16LE(width, 0); screen.writeUInt16LE(height, 2);
  screen[4] = 0xf7; // global colour table of 256 entries, 8-bit colour resolution
  const palette = Buffer.alloc(256 * 3);
  for (let i = 0; i < 256; i++) palette.set([i, (i * 7) & 255, (i * 13) & 255], i * 3);
  const image = Buffer.alloc(10);
  image[0] = 0x2c; // image descriptor at (0, 0), full size, no local colour table
  image.writeUInt16LE(width, 5); image.writeUInt16LE(height, 7);

  const CLEAR = 256, END = 257;
  const bytes = [];
  let acc = 0, bits = 0;
  const emit = (code) => {
    acc |= code << bits; bits += 9;
    while (bits >= 8) { bytes.push(acc & 255); acc >>>= 8; bits -= 8; }
  };
  const pixels = randomBytes(width * height);
  for (let i = 0; i < pixels.length; i++) {
    // The decoder adds a table entry per code after the first; at 512 entries codes would
    // become 10 bits wide, so start over well before that.
    if (i % 250 === 0) emit(CLEAR);
    emit(pixels[i]);
  }
  emit(END);
  if (bits > 0) bytes.push(acc & 255);

  const blocks = [];
  for (let i = 0; i < bytes.length; i += 255) {
    const part = bytes.slice(i, i + 255);
    blocks.push(Buffer.from([part.length, ...part]));
  }
  return Buffer.concat([
    Buffer.from('GIF89a', 'ascii'), screen, palette, image,
    Buffer.from([8]), ...blocks, Buffer.from([0, 0x3b]), // LZW minimum code size 8 … terminator, trailer
  ]);
}
