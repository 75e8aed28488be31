package io.github.shikumi.xlsx;

import java.io.ByteArrayOutputStream;

/**
 * The compression of MS-OVBA 2.4.1 (an LZ77 variant in 4096-byte chunks), which VBA projects use for the dir
 * stream and every module's source: a signature byte 0x01, then chunks of a 2-byte header and token sequences
 * (a flag byte and up to 8 tokens, each a literal byte or a 2-byte copy token of offset and length, whose split
 * of the 16 bits depends on how far the chunk has come). Matches are found by plain search (sources are small).
 */
final class OvbaCompression {
    static final int CHUNK = 4096;

    private OvbaCompression() {
    }

    static byte[] compress(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
        out.write(0x01);
        for (int start = 0; start < data.length; start += CHUNK) {
            int end = Math.min(start + CHUNK, data.length);
            byte[] chunk = chunk(data, start, end);
            if (chunk.length > CHUNK) {
                // no gain: a raw chunk, flag 0, exactly 4096 bytes (only the last chunk can be shorter: padded)
                int header = (CHUNK - 1) | (0b011 << 12);
                out.write(header & 0xFF);
                out.write(header >>> 8);
                byte[] raw = new byte[CHUNK];
                System.arraycopy(data, start, raw, 0, end - start);
                out.writeBytes(raw);
            } else {
                // CompressedChunkSize − 3 in 12 bits, signature 0b011, flag 1 (compressed)
                int header = (chunk.length + 2 - 3) | (0b011 << 12) | (1 << 15);
                out.write(header & 0xFF);
                out.write(header >>> 8);
                out.writeBytes(chunk);
            }
        }
        return out.toByteArray();
    }

    /** One chunk's token sequences (without its header). */
    private static byte[] chunk(byte[] data, int start, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int current = start;
        while (current < end) {
            byte[] tokens = new byte[16];
            int n = 0;
            int flags = 0;
            for (int i = 0; i < 8 && current < end; i++) {
                int difference = current - start;
                int bitCount = Math.max(difference <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(difference - 1), 4);
                int maxLength = (0xFFFF >>> bitCount) + 3;
                int bestLength = 0;
                int bestOffset = 0;
                for (int candidate = current - 1; candidate >= start; candidate--) {
                    int length = 0;
                    int limit = Math.min(maxLength, end - current);
                    while (length < limit && data[candidate + length] == data[current + length]) {
                        length++;
                    }
                    if (length > bestLength) {
                        bestLength = length;
                        bestOffset = current - candidate;
                    }
                }
                if (bestLength >= 3) {
                    int token = ((bestOffset - 1) << (16 - bitCount)) | (bestLength - 3);
                    tokens[n++] = (byte) token;
                    tokens[n++] = (byte) (token >>> 8);
                    flags |= 1 << i;
                    current += bestLength;
                } else {
                    tokens[n++] = data[current++];
                }
            }
            out.write(flags);
            out.write(tokens, 0, n);
        }
        return out.toByteArray();
    }
}
