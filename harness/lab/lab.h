/* lab.h: the three-namespace lab (client, router, server), named and owned by one run
 * (labname.h), its run directory registered (registry.h). The topology itself is built by
 * netem/lab.sh; this module decides and calls it. */
#ifndef RDPREPRO_LAB_H
#define RDPREPRO_LAB_H

#include <stdbool.h>
#include <sys/types.h>

#include "labname.h"
#include "registry.h"
#include "util.h"

/* Addresses: 198.18.0.0/15 (RFC 2544 benchmarking range), only inside the lab. */
#define RP_LAB_CLIENT_ADDR "198.18.0.2"
#define RP_LAB_ROUTER_CLIENT_ADDR "198.18.0.1"
#define RP_LAB_ROUTER_SERVER_ADDR "198.18.1.1"
#define RP_LAB_SERVER_ADDR "198.18.1.2"

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

/* Removes what runs that are gone left: labs (namespaces in /run/netns, /etc/netns) of our
 * naming whose owner is no live rdprepro, and the run directories the registry names whose
 * writer is gone. */
bool rp_lab_sweep(const char* tmpdir, bool verbose, struct rp_err* err);

/* Undo: rp_lab_down of (struct rp_lab*)lab, verbose as g_verbose says (rdprepro run -v). */
extern bool g_verbose;
void rp_undo_lab(void* lab);

#endif
