/* util.h: small helpers shared by every module: monotonic time, error values. */
#ifndef RDPREPRO_UTIL_H
#define RDPREPRO_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* An error travels up as a value: helpers fill it and return false; only the top decides. */
struct rp_err
{
	char msg[512];
};

bool rp_fail(struct rp_err* err, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

/* CLOCK_MONOTONIC in milliseconds. The clock is shared by every network namespace of the
 * machine, so the server's and the probe's timestamps can be compared directly. WLog's own
 * millisecond field is unreliable (LAB-NOTES), so every timing in a record comes from here. */
double rp_now_ms(void);
/* A harness bound (a peer listening, Xvfb ready, an engine or capture ready, what a server
 * gives back, the backstop after the probe's deadline) on this machine: ms times
 * RDPREPRO_HARNESS_SLACK (1-50, default 1). A qemu guest under TCG runs the labs about ten
 * times slower than its host and sets it (vm.c). Never applied to a protocol timer, a
 * scenario's deadline or a fault's time: those are what a run measures. */
int rp_slack_ms(int ms);

/* Copies src into a fixed buffer, always terminated. */
void rp_strlcpy(char* dst, const char* src, size_t size);

/* Parses a duration: "250ms", "3s", "1.5s", or a bare number of milliseconds.
 * Returns false on anything else. */
bool rp_parse_duration_ms(const char* s, uint32_t* out);

/* Reads a whole file into a malloc'd, NUL-terminated buffer. An empty file is an error. */
bool rp_read_file(const char* path, char** out, struct rp_err* err);

/* Removes a directory tree (files, then directories); a missing path is success. */
bool rp_remove_tree(const char* path, struct rp_err* err);

/* mkdir -p PATH (0755); err names the directory that could not be made. */
bool rp_mkdir_p(const char* path, struct rp_err* err);

/* Files that other people wrote, and files we write where other people may have planted
 * something (docs/security.md). */

/* Reads path into a malloc'd, NUL-terminated buffer of at most max bytes (*len: its size;
 * NUL bytes kept). Only a regular file: a FIFO, a device, a socket or a directory is refused
 * without blocking (opened O_NONBLOCK, then fstat); with nofollow, a symlink is refused too.
 * A file larger than max is refused, naming both sizes. */
bool rp_read_regular(const char* path, size_t max, bool nofollow, char** out, size_t* len,
                     struct rp_err* err);

/* An output written whole or not at all, never through a symlink: a temporary file made by
 * mkstemp beside path (O_EXCL: a name planted there is never opened), renamed over path by
 * rp_out_commit (rename replaces a symlink at path, it does not follow it). */
struct rp_out
{
	FILE* f;
	char tmp[4096];
	char path[4096];
};
bool rp_out_open(struct rp_out* o, const char* path, struct rp_err* err);
/* Flushes, closes and renames; on any failure the temporary file is removed. */
bool rp_out_commit(struct rp_out* o, struct rp_err* err);
/* Closes and removes the temporary file (safe after a commit, or on a zeroed struct). */
void rp_out_abort(struct rp_out* o);

#endif
