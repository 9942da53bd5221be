/* cleanup.h: every undo is registered right after the thing it undoes (`defer`), and runs
 * on every path: normal return, error, SIGINT/SIGTERM/SIGHUP (caught: the runner's waits
 * wake, unwind, and this stack runs), and exit() as a backstop (atexit). SIGKILL cannot be
 * caught: children die with their parent (PR_SET_PDEATHSIG) and the next run sweeps the
 * rest (lab.h). */
#ifndef RDPREPRO_CLEANUP_H
#define RDPREPRO_CLEANUP_H

#include <stdbool.h>

typedef void (*rp_undo_fn)(void* arg);

/* Registers an undo; returns a handle for rp_undo_now/rp_undo_cancel, or -1 if full. */
int rp_defer(rp_undo_fn fn, void* arg, const char* what);
/* Runs one undo now and forgets it. */
void rp_undo_now(int handle);
/* Forgets one undo without running it. */
void rp_undo_cancel(int handle);
/* Runs every registered undo, last registered first, each exactly once. */
void rp_cleanup_all(void);
/* How many undos are pending (tests). */
int rp_cleanup_pending(void);

/* Catches SIGINT, SIGTERM, SIGHUP: records the signal and wakes waits through a pipe. */
bool rp_signals_install(void);
/* In a forked child: its own wake pipe (a shared one would wake every process's polls). */
bool rp_signals_after_fork(void);
/* The signal that interrupted the run, or 0. */
int rp_interrupted(void);
/* Readable when the run was interrupted (poll it beside what you wait for), or -1. */
int rp_interrupt_fd(void);

/* Undo: removes the directory tree at (char*)path. */
void rp_undo_remove_tree(void* path);

#endif
