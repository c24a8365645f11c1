#include "gazette_compress.h"
#include <brotli/encode.h>
#include <string.h>
#include <zlib.h>

size_t gazette_gzip(const uint8_t *in, size_t length, uint8_t *out, size_t capacity) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    // 15 bits of window, +16: a gzip header and trailer rather than zlib's. No file name
    // and no time in the header, so the same input gives the same bytes.
    if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    stream.next_in = (Bytef *)in;
    stream.avail_in = (uInt)length;
    stream.next_out = out;
    stream.avail_out = (uInt)capacity;
    int status = deflate(&stream, Z_FINISH);
    size_t written = capacity - stream.avail_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? written : 0;
}

size_t gazette_brotli(const uint8_t *in, size_t length, uint8_t *out, size_t capacity) {
    size_t written = capacity;
    if (!BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, length, in, &written, out)) return 0;
    return written;
}
