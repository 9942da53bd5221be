/* client.c: the table of clients, and the last step of starting any of them. */
#include "client.h"

#include <string.h>

#include "cleanup.h"
#include "proc.h"

/* One row per client program. */
const struct client_ops* rp_client_ops(bool xfreerdp)
{
	return xfreerdp ? &rp_client_xfreerdp : &rp_client_probe;
}

bool rp_client_spawn(struct rp_run* run, struct rp_spawn* sp, const char** argv, int ac,
                     struct rp_err* err)
{
	char args[sizeof(run->sc->client_args)];

	rp_strlcpy(args, run->sc->client_args, sizeof(args));
	rp_split_args(args, argv, &ac, 62);
	argv[ac] = NULL;
	if (!rp_proc_spawn(sp, &run->client_pid, err))
		return false;
	rp_defer(rp_undo_stop, &run->client_pid, run->client->name);
	return true;
}
