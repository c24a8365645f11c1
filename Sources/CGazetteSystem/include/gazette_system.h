#ifndef GAZETTE_SYSTEM_H
#define GAZETTE_SYSTEM_H

/// Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 where the system or file system cannot (the caller falls back).
int gazette_exchange_paths(const char *a, const char *b);

#endif
