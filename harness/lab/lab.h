/* lab.h: the three-namespace lab (client, router, server), named and owned by one run.
 *
 * Names: "rdpp-<pid>-<4 hex>" for the lab, with "-c", "-r", "-s" for its namespaces. The
 * owner's pid in the name lets a later run tell a killed run's leftovers (owner dead) from
 * a live run's lab (owner alive), so a sweep never removes another live run's lab. The
 * topology itself is built by netem/lab.sh; this module names, decides and calls it. */
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
 * owner pid, or -1 if the name is not one of ours. */
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

/* Removes the labs (namespaces) and run directories under `tmpdir` that killed runs left. */
bool rp_lab_sweep(const char* tmpdir, bool verbose, struct rp_err* err);

/* Undo: rp_lab_down of (struct rp_lab*)lab, verbose as g_verbose says (rdprepro run -v). */
extern bool g_verbose;
void rp_undo_lab(void* lab);

#endif
