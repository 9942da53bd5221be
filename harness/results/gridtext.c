/* gridtext.c: a scenario's text as lines (an ini file's sections and keys, found and set in
 * place, continuation lines kept), and a sweep point's settings written into it. */
#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the scenario's text, edited ---- */


void rp_ini_free(struct rp_ini* t)
{
	for (int i = 0; i < t->n; i++)
		free(t->line[i]);
	free(t->line);
	memset(t, 0, sizeof(*t));
}

static bool text_insert(struct rp_ini* t, int at, const char* s)
{
	if (t->n == t->cap)
	{
		int cap = t->cap ? t->cap * 2 : 64;
		char** l = realloc(t->line, (size_t)cap * sizeof(*l));
		if (!l)
			return false;
		t->line = l;
		t->cap = cap;
	}
	memmove(&t->line[at + 1], &t->line[at], (size_t)(t->n - at) * sizeof(*t->line));
	if (!(t->line[at] = strdup(s)))
		return false;
	t->n++;
	return true;
}

static void text_remove(struct rp_ini* t, int at)
{
	free(t->line[at]);
	memmove(&t->line[at], &t->line[at + 1], (size_t)(t->n - at - 1) * sizeof(*t->line));
	t->n--;
}

bool rp_ini_load(const char* path, struct rp_ini* t, struct rp_err* err)
{
	char* buf;

	memset(t, 0, sizeof(*t));
	if (!rp_read_file(path, &buf, err))
		return false;
	/* strtok_r would merge blank lines: split by hand. */
	for (char *p = buf, *nl; p && *p; p = nl ? nl + 1 : NULL)
	{
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (!text_insert(t, t->n, p))
		{
			free(buf);
			return rp_fail(err, "out of memory");
		}
	}
	free(buf);
	return true;
}

/* The section a header line opens ("link to-server"), or false for another line. */
static bool header_of(const char* l, char* sec, size_t n)
{
	const char* e;
	while (*l == ' ' || *l == '\t')
		l++;
	if (*l != '[' || !(e = strchr(l, ']')))
		return false;
	snprintf(sec, n, "%.*s", (int)(e - l - 1), l + 1);
	return true;
}

/* The key a line sets in inih's terms (not indented, not a comment), or false. */
static bool key_of(const char* l, char* key, size_t n)
{
	const char* eq = strchr(l, '=');
	size_t len;
	if (!eq || *l == ' ' || *l == '\t' || *l == '#' || *l == ';' || *l == '[')
		return false;
	len = (size_t)(eq - l);
	while (len && (l[len - 1] == ' ' || l[len - 1] == '\t'))
		len--;
	snprintf(key, n, "%.*s", (int)len, l);
	return true;
}

/* Where KEY is set in SECTION (its line, or -1), and where the section starts (or -1). */
static int text_find(const struct rp_ini* t, const char* section, const char* key, int* sec_at)
{
	char cur[64] = "", k[64];
	*sec_at = -1;
	for (int i = 0; i < t->n; i++)
	{
		if (header_of(t->line[i], cur, sizeof(cur)))
		{
			if (strcmp(cur, section) == 0 && *sec_at < 0)
				*sec_at = i;
			continue;
		}
		if (strcmp(cur, section) == 0 && key_of(t->line[i], k, sizeof(k)) && strcmp(k, key) == 0)
			return i;
	}
	return -1;
}

/* The value KEY has in SECTION ("" if unset), continuation lines joined. */
void rp_ini_get(const struct rp_ini* t, const char* section, const char* key, char* out,
                     size_t n)
{
	int sec, at = text_find(t, section, key, &sec);
	out[0] = '\0';
	if (at < 0)
		return;
	{
		const char* v = strchr(t->line[at], '=') + 1;
		while (*v == ' ')
			v++;
		rp_strlcpy(out, v, n);
	}
	for (int i = at + 1; i < t->n && (t->line[i][0] == ' ' || t->line[i][0] == '\t'); i++)
	{
		const char* v = t->line[i];
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v)
			snprintf(out + strlen(out), n - strlen(out), " %s", v);
	}
}

/* KEY = VALUE in SECTION: the line replaced (and its continuations), else added after the
 * header, else the section added at the end. */
bool rp_ini_set(struct rp_ini* t, const char* section, const char* key, const char* value)
{
	char line[1024], hdr[80];
	int sec, at = text_find(t, section, key, &sec);

	snprintf(line, sizeof(line), "%s = %s", key, value);
	if (at >= 0)
	{
		while (at + 1 < t->n && (t->line[at + 1][0] == ' ' || t->line[at + 1][0] == '\t') &&
		       t->line[at + 1][strspn(t->line[at + 1], " \t")])
			text_remove(t, at + 1);
		free(t->line[at]);
		return (t->line[at] = strdup(line)) != NULL;
	}
	if (sec >= 0)
		return text_insert(t, sec + 1, line);
	snprintf(hdr, sizeof(hdr), "[%s]", section);
	return text_insert(t, t->n, "") && text_insert(t, t->n, hdr) && text_insert(t, t->n, line);
}


/* A [link] key the scenario sets in one direction only cannot be swept on both. */
static bool check_direction(const struct rp_ini* t, const char* scn, const char* key,
                            struct rp_err* err)
{
	static const char* const dirs[] = { "link to-server", "link to-client" };
	for (int d = 0; d < 2; d++)
	{
		int sec, at = text_find(t, dirs[d], key, &sec);
		if (at >= 0)
			return rp_fail(err, "%s:%d: %s is set in [%s]; a sweep sets [link] (both directions)",
			               scn, at + 1, key, dirs[d]);
	}
	return true;
}

static void ms_text(double ms, char* out, size_t n)
{
	snprintf(out, n, "%.0fms", ms);
}

/* The point's settings into the text. */
bool rp_sweep_apply(struct rp_ini* t, const char* scn, const struct rp_setting* s, int n,
                  struct rp_err* err)
{
	double delay = -1, jitter = -1;
	char buf[600];

	for (int i = 0; i < n; i++)
	{
		const char* k = s[i].key->name;
		if (strcmp(k, "loss") == 0 || strcmp(k, "rate") == 0 || strcmp(k, "mtu") == 0)
		{
			char v[32];
			if (!check_direction(t, scn, k, err))
				return false;
			if (strcmp(k, "mtu") == 0)
				snprintf(v, sizeof(v), "%.0f", s[i].v);
			else
				rp_strlcpy(v, s[i].label, sizeof(v));
			if (!rp_ini_set(t, "link", k, v))
				return rp_fail(err, "out of memory");
		}
		else if (strcmp(k, "delay") == 0)
			delay = s[i].v;
		else if (strcmp(k, "jitter") == 0)
			jitter = s[i].v;
		else if (strcmp(k, "profile") == 0)
		{
			const struct rp_profile* p = &rp_profiles[(int)s[i].v];
			char v[32];
			if (!check_direction(t, scn, "loss", err) || !check_direction(t, scn, "rate", err) ||
			    !check_direction(t, scn, "delay", err))
				return false;
			snprintf(v, sizeof(v), "%g%%", p->loss);
			if (!rp_ini_set(t, "link", "loss", v))
				return rp_fail(err, "out of memory");
			snprintf(v, sizeof(v), "%ukbit", p->kbit);
			if (!rp_ini_set(t, "link", "rate", v))
				return rp_fail(err, "out of memory");
			delay = p->rtt_ms / 2.0;
		}
		else if (strcmp(k, "nat-timeout") == 0 || strcmp(k, "pause") == 0 ||
		         strcmp(k, "deadline") == 0)
		{
			const char* sec = k[0] == 'n' ? "fault" : k[0] == 'p' ? "server" : "client";
			if (k[0] == 'p')
			{
				rp_ini_get(t, "server", "pause-at", buf, sizeof(buf));
				if (!buf[0])
					return rp_fail(err, "%s: pause: the scenario has no [server] pause-at (the "
					                    "phase where the server pauses)", scn);
			}
			ms_text(s[i].v, buf, sizeof(buf));
			if (!rp_ini_set(t, sec, k, buf))
				return rp_fail(err, "out of memory");
		}
		else if (strcmp(k, "timeout") == 0)
		{
			/* /timeout:N replaced in the client's arguments, or added. */
			char args[512], out[600] = "";
			char* save = NULL;
			rp_ini_get(t, "client", "args", args, sizeof(args));
			for (char* w = strtok_r(args, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
				if (strncmp(w, "/timeout:", 9) != 0)
					snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s ", w);
			snprintf(out + strlen(out), sizeof(out) - strlen(out), "/timeout:%.0f", s[i].v);
			if (!rp_ini_set(t, "client", "args", out))
				return rp_fail(err, "out of memory");
		}
	}
	if (delay >= 0 || jitter >= 0)
	{
		/* The scenario's own delay, jitter and distribution where the point sets only one. */
		char old[128], d[32] = "0ms", j[32] = "", dist[32] = "";
		if (!check_direction(t, scn, "delay", err))
			return false;
		rp_ini_get(t, "link", "delay", old, sizeof(old));
		if (old[0])
			sscanf(old, "%31s %31s %31s", d, j, dist);
		if (delay >= 0)
			ms_text(delay, d, sizeof(d));
		if (jitter >= 0)
			ms_text(jitter, j, sizeof(j));
		snprintf(buf, sizeof(buf), "%s%s%s%s%s", d, j[0] ? " " : "", j, dist[0] ? " " : "", dist);
		if (!rp_ini_set(t, "link", "delay", buf))
			return rp_fail(err, "out of memory");
	}
	return true;
}
