#ifndef GAZETTE_COMPRESS_H
#define GAZETTE_COMPRESS_H

#include <stddef.h>
#include <stdint.h>

/// gzip (zlib's deflate in a gzip wrapper, level 9) and Brotli (quality 11, text mode) of a
/// buffer, for the precompressed copies web servers send as they are. Each writes at most
/// `capacity` bytes to `out` and returns how many, or 0 when the result would not fit.
size_t gazette_gzip(const uint8_t *in, size_t length, uint8_t *out, size_t capacity);
size_t gazette_brotli(const uint8_t *in, size_t length, uint8_t *out, size_t capacity);

#endif
