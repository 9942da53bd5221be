/* clientargs.h: the FreeRDP client options a scenario may give ([client] args), by allow-list.
 *
 * The harness runs FreeRDP's client (the probe, xfreerdp3) as root, and FreeRDP's command line
 * can load code (/kerberos:pkcs11-module:), write any file (/tls:secrets-file:), run a program
 * (/rdp2tcp:) or connect outside the lab (/v:, /proxy:). A scenario may give only options that
 * change how the connection behaves: every token matches a row of the list, and its value is
 * checked (docs/scenario-format.md#client-options, docs/security.md). */
#ifndef RDPREPRO_CLIENTARGS_H
#define RDPREPRO_CLIENTARGS_H

#include <stdbool.h>

#include "util.h"

/* Where the list is explained; every refusal points there. */
#define RP_CLIENT_ARGS_DOC "docs/scenario-format.md#client-options"

/* Checks argv[0..argc) (one option a token, FreeRDP's /name:value syntax). On the first token
 * refused, fills err with `"TOKEN" is not allowed (WHY; the allowed options: ...)` and returns
 * false. An option given twice is refused: FreeRDP would keep only the last. */
bool rp_client_argv_check(const char* const* argv, int argc, struct rp_err* err);

/* The same for a scenario's args: tokens separated by blanks and tabs, as the runner splits
 * them (rp_split_args). */
bool rp_client_args_check(const char* args, struct rp_err* err);

#endif
