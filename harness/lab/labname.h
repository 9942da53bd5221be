/* labname.h: a lab's names and its owner: "rdpp-<pid>-<4 hex>" for the lab, with "-c", "-r",
 * "-s" for its namespaces. The owner's pid in the name lets a later run tell a killed run's
 * leftovers (owner dead) from a live run's lab (owner alive), so a sweep never removes another
 * live run's lab. Only root makes names in /run/netns and /etc/netns, so a name there of our
 * form is one of ours. */
#ifndef RDPREPRO_LABNAME_H
#define RDPREPRO_LABNAME_H

#include <stdbool.h>
#include <sys/types.h>

#define RP_LAB_PREFIX "rdpp"
#define RP_LAB_NAME_MAX 32

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

#endif
