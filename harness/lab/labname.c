/* labname.c: a lab's names, and whether their owner still runs. */
#include "labname.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "proc.h"

void rp_lab_name(struct rp_lab* lab, pid_t owner, unsigned suffix)
{
	memset(lab, 0, sizeof(*lab));
	snprintf(lab->name, sizeof(lab->name), RP_LAB_PREFIX "-%d-%04x", (int)owner, suffix & 0xffff);
	snprintf(lab->ns_client, sizeof(lab->ns_client), "%s-c", lab->name);
	snprintf(lab->ns_router, sizeof(lab->ns_router), "%s-r", lab->name);
	snprintf(lab->ns_server, sizeof(lab->ns_server), "%s-s", lab->name);
}

pid_t rp_lab_owner(const char* name)
{
	const char* p;
	long pid = 0;
	int hex = 0;

	if (!name || strncmp(name, RP_LAB_PREFIX "-", strlen(RP_LAB_PREFIX) + 1) != 0)
		return -1;
	p = name + strlen(RP_LAB_PREFIX) + 1;
	if (!isdigit((unsigned char)*p))
		return -1;
	while (isdigit((unsigned char)*p))
	{
		pid = pid * 10 + (*p++ - '0');
		if (pid > 4194304) /* PID_MAX_LIMIT */
			return -1;
	}
	if (*p++ != '-' || pid <= 0)
		return -1;
	while (isxdigit((unsigned char)*p) && hex < 4)
	{
		p++;
		hex++;
	}
	if (hex != 4)
		return -1;
	/* Either the lab name itself or a namespace name. A run directory's name is not taken:
	 * anyone may make one in /tmp, so the registry says which are ours. */
	if (*p == '\0')
		return (pid_t)pid;
	if (p[0] == '-' && p[1] && strchr("crs", p[1]) && p[2] == '\0')
		return (pid_t)pid;
	return -1;
}

bool rp_lab_owner_alive(pid_t pid)
{
	char path[64];
	char buf[512];
	size_t n;
	char* open;
	char* close;
	FILE* f;

	/* /proc/PID/stat is "PID (COMM) STATE ...". A zombie (Z) or dead (X) process owns
	 * nothing: its parent was killed and nobody reaped it yet. */
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return false;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	open = strchr(buf, '(');
	close = strrchr(buf, ')');
	if (!open || !close || close < open || close[1] != ' ')
		return false;
	*close = '\0';
	if (strcmp(open + 1, "rdprepro") != 0)
		return false;
	return close[2] != 'Z' && close[2] != 'X';
}

bool rp_lab_is_stale(const char* name, bool (*alive)(pid_t pid))
{
	pid_t owner = rp_lab_owner(name);

	if (owner < 0)
		return false; /* not ours: never touched */
	return !alive(owner);
}

