/* lab.c: the calls into netem/lab.sh (up, down, names, faults) and the sweep of what gone runs
 * left. */
#include "lab.h"

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
 * child processes die with it (PR_SET_PDEATHSIG). Remove what such runs left: namespaces of
 * our naming whose owner is gone (only root names things in /run/netns and /etc/netns), and
 * the run directories the registry names whose writer is gone; never a live run's lab, and
 * never a directory by its name alone. */
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
			/* A namespace is "<lab>-c|r|s" (rp_lab_owner takes that form and no other, so
			 * the lab handed to lab.sh is of our naming); a killed `up` or `down` may have
			 * left any subset of the three, so take each lab once, whichever remain. */
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
	if (!rp_lab_registry_sweep(tmpdir, ok ? err : &(struct rp_err){ "" }))
		ok = false;
	return ok;
}

bool g_verbose;

void rp_undo_lab(void* arg)
{
	struct rp_err err;
	if (!rp_lab_down(arg, g_verbose, &err))
		fprintf(stderr, "rdprepro: cleanup: %s\n", err.msg);
}
