/* lab.h: the three-namespace lab (client, router, server), named and owned by one run.
 *
 * Names: "rdpp-<pid>-<4 hex>" for the lab, with "-c", "-r", "-s" for its namespaces. The
 * owner's pid in the name lets a later run tell a killed run's leftovers (owner dead) from
 * a live run's lab (owner alive), so a sweep never removes another live run's lab. Only root
 * makes names in /run/netns and /etc/netns, so a name there of our form is one of ours.
 *
 * A run directory ($TMPDIR/<lab>.XXXXXX) sits where anyone may make a name of that form, so
 * its name proves nothing: each run writes an entry in a registry of its own (a directory
 * only its uid can write, RP_REGISTRY_DIR for root) before it makes the directory, and a
 * sweep removes only what an entry names, once the process that wrote the entry is gone
 * (issue 29). The topology itself is built by netem/lab.sh; this module names, decides and
 * calls it. */
#ifndef RDPREPRO_LAB_H
#define RDPREPRO_LAB_H

#include <stdbool.h>
#include <sys/types.h>

#include "util.h"

#define RP_LAB_PREFIX "rdpp"
#define RP_LAB_NAME_MAX 32

/* Addresses: 198.18.0.0/15 (RFC 2544 benchmarking range), only inside the lab. */
#define RP_LAB_CLIENT_ADDR "198.18.0.2"
#define RP_LAB_ROUTER_CLIENT_ADDR "198.18.0.1"
#define RP_LAB_ROUTER_SERVER_ADDR "198.18.1.1"
#define RP_LAB_SERVER_ADDR "198.18.1.2"

struct rp_lab
{
	char name[RP_LAB_NAME_MAX];       /* rdpp-1234-abcd */
	char ns_client[RP_LAB_NAME_MAX + 2];
	char ns_router[RP_LAB_NAME_MAX + 2];
	char ns_server[RP_LAB_NAME_MAX + 2];
	bool up;
};

/* Fills the names from an owner pid and a 16-bit random suffix. */
void rp_lab_name(struct rp_lab* lab, pid_t owner, unsigned suffix);

/* Parses a lab or namespace name ("rdpp-1234-abcd" or "rdpp-1234-abcd-s") and returns its
 * owner pid, or -1 if the name is not of that form (a run directory's name is not: those are
 * known by the registry, never by their names). */
pid_t rp_lab_owner(const char* name);

/* True if `name` belongs to a run that is gone: ours by name, and its owner pid is not a
 * live rdprepro process. `alive` decides liveness (tests pass their own). */
bool rp_lab_is_stale(const char* name, bool (*alive)(pid_t pid));
/* The real liveness check: /proc/<pid>/comm reads "rdprepro". */
bool rp_lab_owner_alive(pid_t pid);

/* The path of a netem/ script (directory from $RDPREPRO_NETEM_DIR or the build's default). */
const char* rp_lab_script(const char* name);
bool rp_lab_up(struct rp_lab* lab, bool verbose, struct rp_err* err);
bool rp_lab_down(struct rp_lab* lab, bool verbose, struct rp_err* err);
/* The lab's server name for the client: "unresolvable" or "dead" (lab.sh names). */
#define RP_LAB_SERVER_NAME "rdp-server.lab"
bool rp_lab_names(const struct rp_lab* lab, const char* mode, bool verbose, struct rp_err* err);

/* netem/fault.sh VERB LAB ARGS...: words = { VERB, ARGS..., NULL }. */
bool rp_lab_fault(const struct rp_lab* lab, const char* const* words, bool verbose,
                  struct rp_err* err);

/* ---- the registry of run directories ---- */

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

/* Removes what runs that are gone left: labs (namespaces in /run/netns, /etc/netns) of our
 * naming whose owner is no live rdprepro, and the run directories the registry names whose
 * writer is gone. */
bool rp_lab_sweep(const char* tmpdir, bool verbose, struct rp_err* err);

/* Undo: rp_lab_down of (struct rp_lab*)lab, verbose as g_verbose says (rdprepro run -v). */
extern bool g_verbose;
void rp_undo_lab(void* lab);

#endif
