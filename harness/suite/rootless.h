/* rootless.h: `rdprepro run` without root in the host's namespaces moves into namespaces of
 * its own (user, network, mount), where it may make the labs' (docs/privileges.md). */
#ifndef RDPREPRO_ROOTLESS_H
#define RDPREPRO_ROOTLESS_H

#include <stdbool.h>

#include "util.h"

/* Whether this process may make network namespaces where it is (it tries). */
bool rp_can_make_namespaces(void);

/* Moves into a user namespace of its own (this uid mapped to root), with network and mount
 * namespaces of its own; on failure err says why. */
bool rp_rootless_enter(struct rp_err* err);

/* Why the rootless mode could not start ("not tried" until it was), for the SKIP reasons. */
extern char rp_rootless_error[256];

#endif
