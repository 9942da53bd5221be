/* runstate.c: the helpers a run's peers and clients call back (runstate.h): the client's
 * arguments split and spawned, the lab server's report lines read and parsed, an fd's undo. */
#include "runstate.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "proc.h"

void rp_undo_close(void* arg)
{
	int* fd = arg;
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

void rp_split_args(char* s, const char** av, int* ac, int max)
{
	char* save = NULL;
	for (char* t = strtok_r(s, " \t", &save); t && *ac < max; t = strtok_r(NULL, " \t", &save))
		av[(*ac)++] = t;
}

void rp_read_server_lines(int fd, struct result* r, bool* listening)
{
	char buf[1024];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
	{
		size_t room = sizeof(r->server_log) - 1 - r->server_len;
		size_t take = (size_t)n < room ? (size_t)n : room;
		memcpy(r->server_log + r->server_len, buf, take);
		r->server_len += take;
		r->server_log[r->server_len] = '\0';
	}
	if (listening && strstr(r->server_log, "listening "))
		*listening = true;
}

bool rp_server_line(const char* line, int* peer, char* name, size_t name_size, double* t)
{
	char what[128] = "";

	if (sscanf(line, "peer %d state %127s %lf", peer, what, t) == 3)
		rp_strlcpy(name, strncmp(what, "CONNECTION_STATE_", 17) == 0 ? what + 17 : what, name_size);
	else if (sscanf(line, "peer %d event %127s %lf", peer, what, t) == 3 ||
	         sscanf(line, "peer %d %127s %lf", peer, what, t) == 3)
		rp_strlcpy(name, what, name_size);
	else
		return false;
	return true;
}
