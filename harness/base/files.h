/* files.h: walking a tree someone else made, through file descriptors (docs/security.md). */
#ifndef RDPREPRO_FILES_H
#define RDPREPRO_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "util.h"

/* Walking a tree someone else made, through file descriptors: name in dirfd opened as a
 * directory, never through a symlink (err names shown: "a symlink: refused"); -1 with errno
 * ENOENT when there is none. */
int rp_dir_at(int dirfd, const char* name, const char* shown, struct rp_err* err);
/* name in dirfd opened for reading only if it is a regular file of one link (a hard link may be
 * any file of the machine) and at most max bytes: looked at first through O_PATH, which opens
 * nothing (a FIFO cannot block, a device is not opened, a symlink is not followed), then opened
 * again through /proc/self/fd, so the file read is the file checked. *st: its stat. -1 with
 * err naming shown (errno ENOENT when there is none). */
int rp_open_regular_at(int dirfd, const char* name, const char* shown, size_t max,
                       struct stat* st, struct rp_err* err);
/* The same, read whole (at most max bytes, NUL-terminated) as rp_read_regular reads. */
bool rp_read_at(int dirfd, const char* name, const char* shown, size_t max, char** out,
                size_t* len, struct rp_err* err);

/* A directory of our own in parent, PREFIX-XXXXXX (mkdtemp, 0700), opened without following a
 * symlink and checked to be ours and private; its name into name, its descriptor returned (-1
 * with err). What is made in it no one else can write, read or swap, even where parent is
 * someone else's. */
int rp_private_dir(const char* parent, const char* prefix, char* name, size_t n,
                   struct rp_err* err);

#endif
