/**
 * Bytes → lines, for JSON Lines read as a stream: memory stays bounded by the longest line kept (at most
 * `maxLineBytes`), whatever the size of the input. Lines are split on the byte 0x0A, which never occurs
 * inside a multi-byte UTF-8 (or Windows-1252) character, so a character split across chunks is whole
 * again in its line. UTF-16 is transcoded to UTF-8 first (see utf8Chunks).
 */

/** One line (numbered from 1, without its `\n`), or the length of one longer than the limit, whose bytes were dropped. */
export type Line = { number: number; bytes: Buffer } | { number: number; tooLong: number };

const NEWLINE = 0x0a;

/** The line being read: its bytes while it fits the limit, only its length after that. */
class PendingLine {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  get empty(): boolean {
    return this.size === 0;
  }

  add(bytes: Buffer): void {
    this.size += bytes.length;
    if (this.size > this.maxBytes) this.parts = [];
    else if (bytes.length > 0) this.parts.push(bytes);
  }

  take(number: number): Line {
    const line: Line = this.size > this.maxBytes ? { number, tooLong: this.size } : { number, bytes: Buffer.concat(this.parts, this.size) };
    this.parts = [];
    this.size = 0;
    return line;
  }
}

/** Every line of the chunks, in order; a last line without a newline counts, an empty one after the last newline does not. */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<Line> {
  const pending = new PendingLine(maxLineBytes);
  let number = 1;
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl >= 0; nl = chunk.indexOf(NEWLINE, start)) {
      pending.add(chunk.subarray(start, nl));
      yield pending.take(number++);
      start = nl + 1;
    }
    pending.add(chunk.subarray(start));
  }
  if (!pending.empty) yield pending.take(number);
}

/** UTF-16 chunks as UTF-8 chunks (the BOM dropped); a character split across chunks is carried over. */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) yield Buffer.from(decoder.decode(chunk, { stream: true }));
  yield Buffer.from(decoder.decode());
}
