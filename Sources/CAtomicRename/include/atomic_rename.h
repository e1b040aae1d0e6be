#ifndef ATOMIC_RENAME_H
#define ATOMIC_RENAME_H

/// Swaps two paths in one step (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np RENAME_SWAP).
/// Returns 0 on success, -1 with errno set when the system or the file system cannot do it.
int tp_exchange_paths(const char *first, const char *second);

#endif
