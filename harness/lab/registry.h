/* registry.h: the registry of run directories. A run directory ($TMPDIR/<lab>.XXXXXX) sits
 * where anyone may make a name of that form, so its name proves nothing: each run writes an
 * entry in a registry of its own (a directory only its uid can write, RP_REGISTRY_DIR for root)
 * before it makes the directory, and a sweep removes only what an entry names, once the process
 * that wrote the entry is gone (issue 29). */
#ifndef RDPREPRO_REGISTRY_H
#define RDPREPRO_REGISTRY_H

#include <stdbool.h>
#include <sys/types.h>

#include "labname.h"
#include "util.h"

/* Root's registry: /run is root's alone and a tmpfs, so an entry never outlives a boot (nor
 * does a run directory in /tmp: Debian's tmpfiles.d empties it at boot). Another uid's is
 * $XDG_RUNTIME_DIR/rdprepro, else $TMPDIR/rdprepro-<uid>. */
#define RP_REGISTRY_DIR "/run/rdprepro"

/* One entry: the process that made a run directory, and what it made. The process is known
 * by more than its pid (pids are reused): its start time (/proc/PID/stat, field 22), the
 * boot it ran in and its pid namespace (a pid means nothing in another one). */
struct rp_lab_entry
{
	int pid;
	unsigned long long start; /* clock ticks after boot */
	char boot[40];            /* /proc/sys/kernel/random/boot_id */
	unsigned long long pidns; /* the inode of /proc/self/ns/pid */
	char lab[RP_LAB_NAME_MAX];
	char dir[4096]; /* absolute: <tmpdir>/<lab>.<6 letters or digits> */
};

/* An entry as text ("rdprepro-run/1", then one "key value" line per field) and back. The
 * parser takes only that: every key known, once, all present, numbers in range, the lab of
 * our naming, dir an absolute path whose last component is <lab>.XXXXXX. */
bool rp_lab_entry_format(const struct rp_lab_entry* e, char* buf, size_t n);
bool rp_lab_entry_parse(const char* text, struct rp_lab_entry* e, struct rp_err* err);

/* This process as an entry would name it (pid, start, boot, pidns); false if /proc cannot
 * say. */
bool rp_lab_entry_self(struct rp_lab_entry* e, struct rp_err* err);

/* What /proc showed of an entry's pid. */
struct rp_proc_seen
{
	bool exists;   /* /proc/PID/stat was read */
	bool unknown;  /* it could not be read for another reason than "no such process" */
	unsigned long long start;
	char state; /* Z, X: a process that owns nothing any more */
};
/* Reads /proc/PID/stat into *seen. */
void rp_lab_proc_seen(int pid, struct rp_proc_seen* seen);

enum rp_owner_state
{
	RP_OWNER_ALIVE,   /* the very process that wrote the entry still runs */
	RP_OWNER_GONE,    /* no process with its pid, or one started at another time */
	RP_OWNER_UNKNOWN, /* cannot tell (another pid namespace, /proc or the boot id unreadable,
	                     pid 1 at another start time): left alone, as if alive */
};
/* Decides whether the writer of `e` is gone, from `here` (this process, rp_lab_entry_self)
 * and what /proc showed of e->pid. Only a positive sign is "gone": no such pid, a pid that
 * started at another time (reused), a zombie, or another boot. Pid 1 is never gone: it
 * always exists, and a start time that matches is the writer itself (rdprepro as a
 * container's init). */
enum rp_owner_state rp_lab_entry_owner(const struct rp_lab_entry* e,
                                       const struct rp_lab_entry* here,
                                       const struct rp_proc_seen* seen);

/* Whether `name` in the directory parent_fd is a run directory this uid made: a directory
 * (not a symlink), owned by `uid`, writable by nobody else and closed to others (0700, or
 * 0750 for the run's group), named <lab>.XXXXXX. False with the
 * reason in why, and *missing set when there is no such entry at all. */
bool rp_lab_rundir_ours(int parent_fd, const char* name, const char* lab, unsigned uid,
                        bool* missing, char* why, size_t n);

/* Opens the registry (making it, 0700, if missing) and keeps it open: a rootless run calls
 * this before it moves into namespaces of its own, whose /run is a private tmpfs. False
 * with the reason when there is no registry to be had or the one there is not ours (not a
 * directory, a symlink, another owner, open to others): then nothing is registered and no
 * run directory is swept. */
bool rp_lab_registry_open(const char* tmpdir, struct rp_err* err);

/* The run directory of `lab`: <tmpdir>/<lab>.XXXXXX, mode 0700, its registry entry written
 * (atomically: a temporary file renamed) before the directory is made, so a run killed at
 * any point leaves nothing the registry does not name. Without a registry the directory is
 * made all the same (and a killed run's is not swept). */
bool rp_lab_rundir(const struct rp_lab* lab, const char* tmpdir, char* dir, size_t n,
                   struct rp_err* err);
/* Undo of rp_lab_rundir: removes the directory (char* dir), then its entry. */
void rp_undo_lab_rundir(void* dir);

/* Removes the run directories the registry names whose writer is gone, and their entries (and
 * temporary entries a killed writer left). */
bool rp_lab_registry_sweep(const char* tmpdir, struct rp_err* err);

#endif
