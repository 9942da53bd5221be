/* lab.c: naming, ownership and the calls into netem/lab.sh. */
#include "lab.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	/* Either the lab name itself, a namespace name, or a run directory (mkdtemp's tail). */
	if (*p == '\0')
		return (pid_t)pid;
	if (p[0] == '-' && strchr("crs", p[1]) && p[2] == '\0')
		return (pid_t)pid;
	if (p[0] == '.' && p[1] != '\0')
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

const char* rp_lab_script(const char* name)
{
	static char path[4096];
	const char* dir = getenv("RDPREPRO_NETEM_DIR");

	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : RDPREPRO_NETEM_DIR, name);
	return path;
}

/* Runs netem/<script> with up to 4 arguments; a non-zero exit is an error. */
static bool run_script(const char* script, const char* const* args, bool verbose,
                       struct rp_err* err)
{
	const char* argv[40] = { "/bin/bash", rp_lab_script(script) };
	char cmd[512] = "";
	int status = 0;
	int n = 2;

	for (int i = 0; args[i] && n < 39; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	for (int i = 1; i < n; i++)
		snprintf(cmd + strlen(cmd), sizeof(cmd) - strlen(cmd), "%s%s", i > 1 ? " " : "", argv[i]);
	if (!rp_proc_run(argv, verbose, 60000, &status, err))
		return false;
	if (status != 0)
		return rp_fail(err, "%s: exit status %d", cmd, status);
	return true;
}

static bool run_lab(const char* verb, const char* name, bool verbose, struct rp_err* err)
{
	const char* args[] = { verb, name, NULL };
	return run_script("lab.sh", args, verbose, err);
}

bool rp_lab_names(const struct rp_lab* lab, const char* mode, bool verbose, struct rp_err* err)
{
	const char* args[] = { "names", lab->name, mode, NULL };
	return run_script("lab.sh", args, verbose, err);
}

bool rp_lab_fault(const struct rp_lab* lab, const char* const* words, bool verbose,
                  struct rp_err* err)
{
	const char* args[40] = { words[0], lab->name };
	int n = 2;

	for (int i = 1; words[i] && n < 39; i++)
		args[n++] = words[i];
	args[n] = NULL;
	return run_script("fault.sh", args, verbose, err);
}

bool rp_lab_up(struct rp_lab* lab, bool verbose, struct rp_err* err)
{
	if (!run_lab("up", lab->name, verbose, err))
	{
		struct rp_err ignored;
		/* lab.sh undoes its own partial work, but make sure. */
		run_lab("down", lab->name, verbose, &ignored);
		return false;
	}
	lab->up = true;
	return true;
}

bool rp_lab_down(struct rp_lab* lab, bool verbose, struct rp_err* err)
{
	if (!lab->up)
		return true;
	lab->up = false;
	return run_lab("down", lab->name, verbose, err);
}

/* A killed run (SIGKILL, a crash) leaves its namespaces and its run directory behind; its
 * child processes die with it (PR_SET_PDEATHSIG). Remove what such runs left: only names of
 * ours whose owner is gone, never a live run's lab. */
bool rp_lab_sweep(const char* tmpdir, bool verbose, struct rp_err* err)
{
	/* Namespaces live in /run/netns; a lab's client files in /etc/netns (lab.sh names). */
	static const char* const where[] = { "/run/netns", "/etc/netns" };
	char seen[64][RP_LAB_NAME_MAX];
	int n_seen = 0;
	struct dirent* e;
	bool ok = true;
	DIR* d;

	for (size_t w = 0; w < sizeof(where) / sizeof(where[0]); w++)
	{
		if (!(d = opendir(where[w])))
			continue;
		while ((e = readdir(d)))
		{
			size_t n = strlen(e->d_name);
			char lab[RP_LAB_NAME_MAX];
			bool dup = false;
			/* A namespace is "<lab>-c|r|s"; a killed `up` or `down` may have left any
			 * subset of the three, so take each lab once, whichever of them remain. */
			if (n < 3 || n - 2 >= sizeof(lab) || e->d_name[n - 2] != '-')
				continue;
			if (!rp_lab_is_stale(e->d_name, rp_lab_owner_alive))
				continue;
			memcpy(lab, e->d_name, n - 2);
			lab[n - 2] = '\0';
			for (int i = 0; i < n_seen && !dup; i++)
				dup = strcmp(seen[i], lab) == 0;
			if (dup)
				continue;
			if (n_seen < 64)
				rp_strlcpy(seen[n_seen++], lab, sizeof(seen[0]));
			fprintf(stderr, "rdprepro: sweeping lab %s left by a run that is gone\n", lab);
			if (!run_lab("down", lab, verbose, err))
				ok = false;
		}
		closedir(d);
	}
	d = opendir(tmpdir);
	if (d)
	{
		while ((e = readdir(d)))
		{
			char path[4096];
			if (!rp_lab_is_stale(e->d_name, rp_lab_owner_alive))
				continue;
			snprintf(path, sizeof(path), "%s/%s", tmpdir, e->d_name);
			fprintf(stderr, "rdprepro: removing %s left by a run that is gone\n", path);
			if (!rp_remove_tree(path, err))
				ok = false;
		}
		closedir(d);
	}
	return ok;
}

bool g_verbose;

void rp_undo_lab(void* arg)
{
	struct rp_err err;
	if (!rp_lab_down(arg, g_verbose, &err))
		fprintf(stderr, "rdprepro: cleanup: %s\n", err.msg);
}
