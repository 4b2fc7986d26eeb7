import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GzipError, gunzipMembers, NotGzipAfterMember } from '../../../src/detect/pipeline/gzip-members.ts';

async function* chunks(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function gunzip(data: Buffer, size: number): Promise<{ out: string; error?: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const part of gunzipMembers(chunks(data, size)[Symbol.asyncIterator](), 1024)) parts.push(part);
    return { out: Buffer.concat(parts).toString() };
  } catch (error) {
    return { out: Buffer.concat(parts).toString(), error };
  }
}

/** a member with the optional header fields set (FEXTRA, FNAME, FCOMMENT, FHCRC), as some writers make them */
function memberWithHeaderFields(text: string): Buffer {
  const plain = gzipSync(text);
  const extra = Buffer.from([4, 0, 1, 2, 3, 4]);
  const header = Buffer.concat([
    Buffer.from([0x1f, 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3]),
    extra,
    Buffer.from('name.json\0comment\0'),
    Buffer.from([0, 0]),
  ]);
  return Buffer.concat([header, plain.subarray(10)]);
}

describe('gunzipMembers', () => {
  const a = '{"a":1}\n'.repeat(20000);
  const b = `{"b":"${randomBytes(3000).toString('base64')}"}\n`;
  const members = Buffer.concat([gzipSync(a), memberWithHeaderFields(b), gzipSync('')]);

  it('inflates concatenated members whole, whatever the chunk size, and allows zero padding after them', async () => {
    for (const size of [members.length, 65536, 1000, 7]) {
      expect(await gunzip(members, size)).toEqual({ out: a + b });
      expect(await gunzip(Buffer.concat([members, Buffer.alloc(100)]), size)).toEqual({ out: a + b });
    }
  });

  it('keeps every member before bytes that are not gzip, and says after which member and at which offset', async () => {
    for (const junk of ['junk after the trail', '\u001f\u008bnot quite']) {
      for (const size of [100000000, 1000, 7]) {
        const result = await gunzip(Buffer.concat([members, Buffer.from(junk, 'latin1')]), size);
        expect(result.out).toBe(a + b);
        expect(result.error).toBeInstanceOf(NotGzipAfterMember);
        expect((result.error as Error).message).toBe(
          `bytes after gzip member 3 at offset ${members.length} are not gzip`,
        );
      }
    }
  });

  it('says truncated (Z_BUF_ERROR) for a member cut short, corrupt (Z_DATA_ERROR) for a bad CRC, and keeps what came before', async () => {
    const first = gzipSync(a);
    const cut = await gunzip(Buffer.concat([first, gzipSync(b).subarray(0, 40)]), 1000);
    expect(cut.out.startsWith(a)).toBe(true);
    expect(cut.error).toMatchObject({ code: 'Z_BUF_ERROR' });
    const badCrc = gzipSync(b);
    badCrc.writeUInt8(badCrc.readUInt8(badCrc.length - 8) ^ 0xff, badCrc.length - 8);
    const corrupt = await gunzip(Buffer.concat([first, badCrc]), 1000);
    expect(corrupt.out).toBe(a + b);
    expect(corrupt.error).toBeInstanceOf(GzipError);
    expect(corrupt.error).toMatchObject({ code: 'Z_DATA_ERROR' });
  });
});
