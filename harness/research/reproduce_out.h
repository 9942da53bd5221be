/* reproduce_out.h: the directory reproduce writes in (reproduce_out.c): only one reproduce made
 * is written into, and in it only reproduce's own entries are replaced. */
#ifndef RDPREPRO_REPRODUCE_OUT_H
#define RDPREPRO_REPRODUCE_OUT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* The file that says a directory is reproduce's own (its first line says what made it): only a
 * directory reproduce made, or one holding this, is written into. */
#define MARKER ".rdprepro-reproduce"

/* out (its trailing '/' dropped) into buf, if it is not refused: too long a path, or a
 * directory reproduce did not make (err says why); checked before anything is read or
 * written. */
bool rp_reproduce_out_usable(const char* out, char* buf, size_t n, struct rp_err* err);
/* out made (0755, its parents as mkdir -p) with the marker in it, or found to be reproduce's
 * own already. */
bool rp_reproduce_out_claim(const char* out, struct rp_err* err);
/* What an earlier run left in out (its own entries only) removed. */
bool rp_reproduce_out_clear(const char* out, struct rp_err* err);

#endif
