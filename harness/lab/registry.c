/* registry.c: the registry of run directories: its entries written before a directory is
 * made and read as a stranger's, the owner's liveness by pid, start time and boot, and the sweep
 * of what a gone writer left. */
#include "registry.h"

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

/* ---- the registry of run directories ----
 *
 * A name in /tmp proves nothing: anyone may make /tmp/rdpp-1-abcd.x, and pid 1 is never a
 * live rdprepro. So a run writes what it makes into a directory only its uid can write,
 * before it makes it, and a sweep removes only what an entry there names, once the entry's
 * writer is gone (issue 29). */

#define ENTRY_MAGIC "rdprepro-run/1"
#define ENTRY_MAX 8192
/* A temporary entry older than this was left by a writer killed mid-write (a write takes
 * microseconds); younger ones may be a live run's. */
#define ENTRY_TMP_STALE_S 60

static int registry_fd = -1;
/* Tried once per process: a rootless run tries before it enters namespaces of its own, and
 * a second try in there would find a private /run, gone with the run. */
static bool registry_tried;
static char registry_why[sizeof(((struct rp_err*)0)->msg)];

/* The lab's own form, no namespace suffix. */
static bool lab_name_exact(const char* name)
{
	size_t n = name ? strlen(name) : 0;
	return rp_lab_owner(name) > 0 && n >= 2 && name[n - 2] != '-';
}

/* <lab>.XXXXXX: six letters or digits, as rp_lab_rundir (and mkdtemp) make them. */
static bool rundir_name_of(const char* name, const char* lab)
{
	size_t n = strlen(lab);

	if (strncmp(name, lab, n) != 0 || name[n] != '.' || strlen(name + n + 1) != 6)
		return false;
	for (const char* c = name + n + 1; *c; c++)
		if (!isalnum((unsigned char)*c))
			return false;
	return true;
}

bool rp_lab_entry_format(const struct rp_lab_entry* e, char* buf, size_t n)
{
	int len = snprintf(buf, n,
	                   ENTRY_MAGIC "\npid %d\nstart %llu\nboot %s\npidns %llu\nlab %s\ndir %s\n",
	                   e->pid, e->start, e->boot, e->pidns, e->lab, e->dir);
	return len > 0 && (size_t)len < n;
}

static bool parse_u64(const char* v, unsigned long long max, unsigned long long* out)
{
	char* end;

	if (!isdigit((unsigned char)*v))
		return false;
	errno = 0;
	*out = strtoull(v, &end, 10);
	return !errno && *end == '\0' && *out <= max;
}

/* An absolute path with no empty, "." or ".." component: the one a run made, as it made it. */
static bool path_plain(const char* p)
{
	if (p[0] != '/')
		return false;
	for (const char* c = p; *c; c++)
	{
		size_t len;
		if (*c != '/')
			continue;
		len = strcspn(c + 1, "/");
		if (len == 0 || (len == 1 && c[1] == '.') || (len == 2 && c[1] == '.' && c[2] == '.'))
			return false;
	}
	return true;
}

/* The keys of an entry, in the order rp_lab_entry_format writes them. */
enum entry_key
{
	KEY_PID,
	KEY_START,
	KEY_BOOT,
	KEY_PIDNS,
	KEY_LAB,
	KEY_DIR,
	KEY_COUNT
};
static const char* const entry_keys[KEY_COUNT] = { "pid", "start", "boot", "pidns", "lab", "dir" };

/* One value into its field; false if it is not what the field takes. */
static bool entry_value(struct rp_lab_entry* e, enum entry_key k, const char* v)
{
	unsigned long long u = 0;

	switch (k)
	{
		case KEY_PID: /* PID_MAX_LIMIT */
			if (!parse_u64(v, 4194304, &u) || u == 0)
				return false;
			e->pid = (int)u;
			return true;
		case KEY_START:
			return parse_u64(v, (unsigned long long)INT64_MAX, &e->start);
		case KEY_BOOT: /* a UUID as the kernel writes it */
			rp_strlcpy(e->boot, v, sizeof(e->boot));
			return strlen(v) == 36 && strspn(v, "0123456789abcdef-") == 36;
		case KEY_PIDNS:
			return parse_u64(v, ULLONG_MAX, &e->pidns) && e->pidns > 0;
		case KEY_LAB:
			rp_strlcpy(e->lab, v, sizeof(e->lab));
			return strlen(v) < sizeof(e->lab) && lab_name_exact(v);
		case KEY_DIR:
			rp_strlcpy(e->dir, v, sizeof(e->dir));
			return strlen(v) < sizeof(e->dir) && path_plain(v);
		case KEY_COUNT:
			break;
	}
	return false;
}

bool rp_lab_entry_parse(const char* text, struct rp_lab_entry* e, struct rp_err* err)
{
	unsigned seen = 0;
	const char* line = text;
	const char* slash;

	memset(e, 0, sizeof(*e));
	if (strncmp(text, ENTRY_MAGIC "\n", strlen(ENTRY_MAGIC) + 1) != 0)
		return rp_fail(err, "not a registry entry (no \"" ENTRY_MAGIC "\" line)");
	line += strlen(ENTRY_MAGIC) + 1;
	for (int no = 2; *line; no++)
	{
		size_t len = strcspn(line, "\n");
		char buf[4200];
		char* v;
		int k;

		if (line[len] != '\n' || len >= sizeof(buf))
			return rp_fail(err, "line %d: unterminated or too long", no);
		memcpy(buf, line, len);
		buf[len] = '\0';
		line += len + 1;
		if (!(v = strchr(buf, ' ')))
			return rp_fail(err, "line %d: \"%.40s\": no value", no, buf);
		*v++ = '\0';
		for (k = 0; k < KEY_COUNT && strcmp(buf, entry_keys[k]) != 0; k++)
			;
		if (k == KEY_COUNT)
			return rp_fail(err, "line %d: unknown key \"%.40s\"", no, buf);
		if (seen & (1u << k))
			return rp_fail(err, "line %d: \"%s\" given twice", no, buf);
		seen |= 1u << k;
		if (!entry_value(e, (enum entry_key)k, v))
			return rp_fail(err, "line %d: %s \"%.60s\": out of range or malformed", no, buf, v);
	}
	if (seen != (1u << KEY_COUNT) - 1)
		return rp_fail(err, "a key is missing");
	if (rp_lab_owner(e->lab) != e->pid)
		return rp_fail(err, "lab %s is not pid %d's", e->lab, e->pid);
	slash = strrchr(e->dir, '/');
	if (!rundir_name_of(slash + 1, e->lab) || slash == e->dir)
		return rp_fail(err, "dir %s is not <parent>/%s.XXXXXX", e->dir, e->lab);
	return true;
}

/* Field 22 of /proc/PID/stat (starttime) and field 3 (state), after the command's closing
 * parenthesis: the command itself may hold spaces and parentheses. */
static bool stat_fields(const char* buf, unsigned long long* start, char* state)
{
	const char* p = strrchr(buf, ')');

	if (!p || p[1] != ' ' || !p[2])
		return false;
	*state = p[2];
	p += 2;
	for (int field = 3; field < 22; field++)
		if (!(p = strchr(p, ' ')) || !*++p)
			return false;
	return sscanf(p, "%llu", start) == 1;
}

void rp_lab_proc_seen(int pid, struct rp_proc_seen* seen)
{
	char path[64];
	char buf[1024];
	ssize_t n;
	int fd;

	memset(seen, 0, sizeof(*seen));
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
	{
		seen->unknown = errno != ENOENT && errno != ESRCH;
		return;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	if (n < 0 && errno == ESRCH) /* it ended between open and read */
		n = 0;
	else if (n <= 0)
		seen->unknown = true;
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	seen->exists = stat_fields(buf, &seen->start, &seen->state);
	seen->unknown = !seen->exists;
}

bool rp_lab_entry_self(struct rp_lab_entry* e, struct rp_err* err)
{
	struct rp_proc_seen me;
	struct stat st;
	char* boot = NULL;

	memset(e, 0, sizeof(*e));
	e->pid = (int)getpid();
	rp_lab_proc_seen(e->pid, &me);
	if (!me.exists)
		return rp_fail(err, "/proc/%d/stat: cannot read this process's start time", e->pid);
	e->start = me.start;
	if (stat("/proc/self/ns/pid", &st) != 0)
		return rp_fail(err, "/proc/self/ns/pid: %s", strerror(errno));
	e->pidns = (unsigned long long)st.st_ino;
	if (!rp_read_file("/proc/sys/kernel/random/boot_id", &boot, err))
		return false;
	boot[strcspn(boot, "\n")] = '\0';
	rp_strlcpy(e->boot, boot, sizeof(e->boot));
	free(boot);
	if (strlen(e->boot) != 36)
		return rp_fail(err, "/proc/sys/kernel/random/boot_id: not a UUID");
	return true;
}

enum rp_owner_state rp_lab_entry_owner(const struct rp_lab_entry* e,
                                       const struct rp_lab_entry* here,
                                       const struct rp_proc_seen* seen)
{
	/* Another boot: every process of that one is gone (the registry is on a tmpfs, so only
	 * a registry of another uid's, in $TMPDIR, lives to see this). */
	if (!here->boot[0])
		return RP_OWNER_UNKNOWN;
	if (strcmp(e->boot, here->boot) != 0)
		return RP_OWNER_GONE;
	/* Its pid is one of another pid namespace's (a container sharing /run): no lookup here
	 * can say anything about it. */
	if (e->pidns != here->pidns)
		return RP_OWNER_UNKNOWN;
	if (seen->unknown)
		return RP_OWNER_UNKNOWN;
	if (!seen->exists)
		return RP_OWNER_GONE;
	/* Pid 1 cannot have been reused within one boot and pid namespace: a start time that
	 * differs says the entry is not what it seems, not that its writer is gone. */
	if (seen->start != e->start)
		return e->pid == 1 ? RP_OWNER_UNKNOWN : RP_OWNER_GONE;
	return seen->state == 'Z' || seen->state == 'X' ? RP_OWNER_GONE : RP_OWNER_ALIVE;
}

bool rp_lab_rundir_ours(int parent_fd, const char* name, const char* lab, unsigned uid,
                        bool* missing, char* why, size_t n)
{
	struct stat st;

	*missing = false;
	if (!rundir_name_of(name, lab))
		return snprintf(why, n, "not named %s.XXXXXX", lab), false;
	if (fstatat(parent_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
	{
		*missing = errno == ENOENT;
		return snprintf(why, n, "%s", strerror(errno)), false;
	}
	if (S_ISLNK(st.st_mode))
		return snprintf(why, n, "a symlink"), false;
	if (!S_ISDIR(st.st_mode))
		return snprintf(why, n, "not a directory"), false;
	if (st.st_uid != uid)
		return snprintf(why, n, "owned by uid %u, not %u", (unsigned)st.st_uid, uid), false;
	/* 0700 as made; 0750 once its secrets are shared with the run's own identity (priv.h).
	 * Writable by anyone else, it is not the directory the run made. */
	if (st.st_mode & (S_IWGRP | S_IWOTH | S_IRWXO))
		return snprintf(why, n, "mode %03o: open to others", (unsigned)(st.st_mode & 0777)), false;
	return true;
}

/* Whether the directory open as fd may hold our registry: a directory (the open refused a
 * symlink), ours, open to nobody else. */
static bool registry_ours(int fd, const char* path, struct rp_err* err)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	if (st.st_uid != geteuid())
		return rp_fail(err, "%s is owned by uid %u, not %u: not ours", path,
		               (unsigned)st.st_uid, (unsigned)geteuid());
	if (st.st_mode & 077)
		return rp_fail(err, "%s has mode %03o, open to others: not ours", path,
		               (unsigned)(st.st_mode & 0777));
	return true;
}

static bool registry_open(const char* tmpdir, struct rp_err* err)
{
	char cands[2][4096];
	const char* xdg = getenv("XDG_RUNTIME_DIR");
	int n = 0;

	if (geteuid() == 0)
		rp_strlcpy(cands[n++], RP_REGISTRY_DIR, sizeof(cands[0]));
	else
	{
		if (xdg && xdg[0] == '/')
			snprintf(cands[n++], sizeof(cands[0]), "%s/rdprepro", xdg);
		snprintf(cands[n++], sizeof(cands[0]), "%s/rdprepro-%u", tmpdir, (unsigned)geteuid());
	}
	for (int i = 0; i < n; i++)
	{
		int fd;
		/* mkdir, then open without following and look at what was opened: a directory
		 * someone else made (or a symlink planted there) is refused, never used. A place
		 * where nothing can be made (no such parent, read-only) passes to the next. */
		if (mkdir(cands[i], 0700) != 0 && errno != EEXIST)
		{
			rp_fail(err, "no registry: mkdir %s: %s", cands[i], strerror(errno));
			continue;
		}
		fd = open(cands[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			return rp_fail(err, "%s: %s: refused as the registry", cands[i],
			               errno == ELOOP ? "a symlink" : errno == ENOTDIR ? "not a directory"
			                                                                : strerror(errno));
		if (!registry_ours(fd, cands[i], err))
		{
			close(fd);
			return false;
		}
		registry_fd = fd;
		return true;
	}
	return false;
}

bool rp_lab_registry_open(const char* tmpdir, struct rp_err* err)
{
	struct rp_err why = { "" };

	if (registry_fd >= 0)
		return true;
	if (registry_tried)
		return rp_fail(err, "%s", registry_why);
	registry_tried = true;
	if (registry_open(tmpdir, &why))
		return true;
	rp_strlcpy(registry_why, why.msg, sizeof(registry_why));
	return rp_fail(err, "%s", registry_why);
}

/* Writes `e` as the entry named e->lab: a temporary file renamed over it, so a reader sees
 * the whole entry or none. */
static bool registry_write(const struct rp_lab_entry* e, struct rp_err* err)
{
	char text[4600], tmp[RP_LAB_NAME_MAX + 8];
	size_t len;
	ssize_t w;
	int fd;

	if (!rp_lab_entry_format(e, text, sizeof(text)))
		return rp_fail(err, "registry entry for %s: too long", e->dir);
	len = strlen(text);
	snprintf(tmp, sizeof(tmp), ".%s.tmp", e->lab);
	unlinkat(registry_fd, tmp, 0);
	fd = openat(registry_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return rp_fail(err, "registry entry %s: %s", tmp, strerror(errno));
	errno = 0;
	w = write(fd, text, len);
	if (close(fd) != 0 || w != (ssize_t)len || renameat(registry_fd, tmp, registry_fd, e->lab) != 0)
	{
		int saved = errno;
		unlinkat(registry_fd, tmp, 0);
		return rp_fail(err, "registry entry %s: %s", e->lab,
		               saved ? strerror(saved) : "short write");
	}
	return true;
}

static void registry_drop(const char* lab)
{
	if (registry_fd >= 0)
		unlinkat(registry_fd, lab, 0);
}

bool rp_lab_rundir(const struct rp_lab* lab, const char* tmpdir, char* dir, size_t n,
                   struct rp_err* err)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	struct rp_lab_entry e;
	struct rp_err ignored;
	char parent[PATH_MAX];
	bool registered;

	/* The parent as the kernel resolves it: the entry names the very directory. */
	if (!realpath(tmpdir, parent))
		return rp_fail(err, "TMPDIR %s: %s", tmpdir, strerror(errno));
	registered = rp_lab_registry_open(tmpdir, &ignored);
	if (registered && !rp_lab_entry_self(&e, err))
		return false;
	for (int attempt = 0; attempt < 16; attempt++)
	{
		unsigned char rnd[6];
		char tail[7];
		if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
			return rp_fail(err, "getrandom: %s", strerror(errno));
		for (int i = 0; i < 6; i++)
			tail[i] = abc[rnd[i] % (sizeof(abc) - 1)];
		tail[6] = '\0';
		if (snprintf(dir, n, "%s/%s.%s", parent, lab->name, tail) >= (int)n ||
		    strlen(dir) >= sizeof(e.dir))
			return rp_fail(err, "TMPDIR %s: path too long", parent);
		if (registered)
		{
			rp_strlcpy(e.lab, lab->name, sizeof(e.lab));
			rp_strlcpy(e.dir, dir, sizeof(e.dir));
			if (!registry_write(&e, err))
				return false;
		}
		if (mkdir(dir, 0700) == 0)
			return true;
		if (errno != EEXIST)
		{
			rp_fail(err, "mkdir %s: %s", dir, strerror(errno));
			registry_drop(lab->name);
			return false;
		}
	}
	registry_drop(lab->name);
	return rp_fail(err, "%s/%s.XXXXXX: no free name in 16 tries", parent, lab->name);
}

void rp_undo_lab_rundir(void* arg)
{
	const char* dir = arg;
	const char* base = strrchr(dir, '/');
	char lab[RP_LAB_NAME_MAX];
	struct rp_err err;

	if (!rp_remove_tree(dir, &err))
	{
		/* The entry stays: the next sweep tries again, once this process is gone. */
		fprintf(stderr, "rdprepro: cleanup: %s\n", err.msg);
		return;
	}
	rp_strlcpy(lab, base ? base + 1 : dir, sizeof(lab));
	lab[strcspn(lab, ".")] = '\0';
	registry_drop(lab);
}

/* Reads the entry `name` of the registry: a regular file of ours, not larger than ENTRY_MAX. */
static bool entry_read(const char* name, struct rp_lab_entry* e, struct rp_err* err)
{
	char buf[ENTRY_MAX + 1];
	struct stat st;
	ssize_t n;
	int fd = openat(registry_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	bool ok;

	if (fd < 0)
		return rp_fail(err, "%s", strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    st.st_size > ENTRY_MAX)
	{
		close(fd);
		return rp_fail(err, "not a regular file of ours of at most %d bytes", ENTRY_MAX);
	}
	n = read(fd, buf, ENTRY_MAX);
	close(fd);
	if (n < 0)
		return rp_fail(err, "%s", strerror(errno));
	buf[n] = '\0';
	if (strlen(buf) != (size_t)n)
		return rp_fail(err, "a NUL byte");
	ok = rp_lab_entry_parse(buf, e, err);
	if (ok && strcmp(e->lab, name) != 0)
		return rp_fail(err, "names lab %s", e->lab);
	return ok;
}

/* The run directory an entry of a gone run names, removed if it is still what the run made.
 * True when the entry has served (removed, gone already, or not ours: never will be). */
static bool sweep_rundir(const struct rp_lab_entry* e, struct rp_err* err)
{
	char parent[sizeof(e->dir)];
	char why[128];
	char* base;
	struct stat st;
	bool missing = false;
	bool ok = true;
	int pfd;

	rp_strlcpy(parent, e->dir, sizeof(parent));
	base = strrchr(parent, '/');
	*base++ = '\0';
	if ((pfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return errno == ENOENT || rp_fail(err, "%s: %s", parent, strerror(errno));
	/* Only where nobody else can rename entries: a directory writable by others must be
	 * sticky (/tmp is), or our directory could be swapped for theirs between the look and
	 * the removal. */
	if (fstat(pfd, &st) != 0 || ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX)))
		fprintf(stderr, "rdprepro: sweep: leaving %s: its directory is writable by others and "
		                "not sticky\n", e->dir);
	else if (!rp_lab_rundir_ours(pfd, base, e->lab, (unsigned)geteuid(), &missing, why,
	                             sizeof(why)))
	{
		if (!missing)
			fprintf(stderr, "rdprepro: sweep: leaving %s: %s (not the directory the run made)\n",
			        e->dir, why);
	}
	else
	{
		fprintf(stderr, "rdprepro: removing %s left by a run that is gone\n", e->dir);
		ok = rp_remove_tree(e->dir, err);
	}
	close(pfd);
	return ok;
}

/* Every entry whose writer is gone: its run directory, then the entry. */
bool rp_lab_registry_sweep(const char* tmpdir, struct rp_err* err)
{
	struct rp_lab_entry here;
	struct dirent* d;
	bool ok = true;
	DIR* dir;
	int fd;

	if (!rp_lab_registry_open(tmpdir, err))
	{
		size_t len = strlen(err->msg);
		snprintf(err->msg + len, sizeof(err->msg) - len, "; run directories are not swept");
		return false;
	}
	if (!rp_lab_entry_self(&here, err))
		return false;
	if ((fd = dup(registry_fd)) < 0 || !(dir = fdopendir(fd)))
	{
		if (fd >= 0)
			close(fd);
		return rp_fail(err, "the registry: %s", strerror(errno));
	}
	rewinddir(dir);
	while ((d = readdir(dir)))
	{
		struct rp_lab_entry e;
		struct rp_proc_seen seen;
		struct rp_err bad = { "" };
		struct stat st;

		if (d->d_name[0] == '.')
		{
			/* A temporary entry whose writer was killed mid-write. */
			if (strcmp(d->d_name, ".") && strcmp(d->d_name, "..") &&
			    fstatat(registry_fd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			    time(NULL) - st.st_mtime > ENTRY_TMP_STALE_S)
				unlinkat(registry_fd, d->d_name, 0);
			continue;
		}
		if (!lab_name_exact(d->d_name))
			continue; /* not an entry's name: not ours to judge */
		if (!entry_read(d->d_name, &e, &bad))
		{
			/* Only this uid writes here, atomically: an entry that does not parse is
			 * damage, and never names anything to remove. */
			fprintf(stderr, "rdprepro: sweep: registry entry %s: %s: dropped\n", d->d_name,
			        bad.msg);
			unlinkat(registry_fd, d->d_name, 0);
			continue;
		}
		rp_lab_proc_seen(e.pid, &seen);
		if (rp_lab_entry_owner(&e, &here, &seen) != RP_OWNER_GONE)
			continue;
		if (sweep_rundir(&e, err))
			unlinkat(registry_fd, d->d_name, 0);
		else
			ok = false;
	}
	closedir(dir);
	return ok;
}
