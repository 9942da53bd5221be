/* grid.c: the keys a sweep varies, a point's settings in a scenario's text, statistics. */
#include "grid.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- what can be swept ---- */



const struct rp_sweep_key rp_sweep_keys[] = {
	{ "loss", U_PCT, 0, 100, "[link] loss: each packet lost independently, both directions" },
	{ "delay", U_MS, 0, 60000, "[link] delay: one-way, each direction (the round trip is twice)" },
	{ "jitter", U_MS, 0, 60000, "[link] delay's jitter (uniform), on the delay swept or the scenario's" },
	{ "rate", U_KBIT, 1, 10000000, "[link] rate: a serial link of that rate, both directions" },
	{ "mtu", U_COUNT, 576, 1500, "[link] mtu: the router's client-side link" },
	{ "nat-timeout", U_MS, 1000, 3600000, "[fault] nat-timeout: a middlebox forgets idle connections" },
	{ "pause", U_MS, 1, 600000, "[server] pause: silent this long at the scenario's pause-at" },
	{ "timeout", U_MS, 100, 600000, "[client] args /timeout: FreeRDP's TcpAckTimeout" },
	{ "deadline", U_MS, 1000, 600000, "[client] deadline: the probe's watchdog" },
	{ "profile", U_PROFILE, 0, 0, "[link] delay, rate and loss of a named link profile" },
};
const int RP_N_SWEEP_KEYS = (int)(sizeof(rp_sweep_keys) / sizeof(rp_sweep_keys[0]));


const struct rp_profile rp_profiles[] = {
	{ "coast-to-coast", 60, 5000, 1.0, "coast-to-coast: 60 ms, 5 Mbit/s, 1 % loss" },
	{ "intercontinental", 250, 3000, 1.0, "intercontinental: 250 ms, 3 Mbit/s, 1 % loss" },
	{ "branch-office", 100, 256, 0.5, "branch office: 100 ms, 256 kbit/s, 0.5 % loss" },
	{ "mobile", 200, 1000, 5.0, "3G/4G: 200 ms, 1 Mbit/s, 5 % loss" },
};
const int RP_N_PROFILES = (int)(sizeof(rp_profiles) / sizeof(rp_profiles[0]));

const struct rp_sweep_key* rp_sweep_key(const char* name)
{
	for (int i = 0; i < RP_N_SWEEP_KEYS; i++)
		if (strcmp(rp_sweep_keys[i].name, name) == 0)
			return &rp_sweep_keys[i];
	return NULL;
}

const struct rp_profile* rp_profile_by_name(const char* name)
{
	for (int i = 0; i < RP_N_PROFILES; i++)
		if (strcmp(rp_profiles[i].name, name) == 0 ||
		    (strcmp(name, "3g") == 0 && strcmp(rp_profiles[i].name, "mobile") == 0))
			return &rp_profiles[i];
	return NULL;
}

/* ---- values ---- */

static bool parse_unit(const struct rp_sweep_key* k, const char* s, double* v)
{
	char* end;
	uint32_t ms;

	if (!*s)
		return false;
	switch (k->unit)
	{
		case U_MS:
			if (!rp_parse_duration_ms(s, &ms))
				return false;
			*v = ms;
			return true;
		case U_PCT:
		case U_KBIT:
		case U_COUNT:
			errno = 0;
			*v = strtod(s, &end);
			if (errno || end == s || !isfinite(*v))
				return false;
			if (k->unit == U_PCT && strcmp(end, "%") == 0)
				return true;
			if (k->unit == U_KBIT && strcasecmp(end, "kbit") == 0)
				return true;
			if (k->unit == U_KBIT && strcasecmp(end, "mbit") == 0)
			{
				*v *= 1000;
				return true;
			}
			return *end == '\0' && (k->unit != U_COUNT || *v == floor(*v));
		case U_PROFILE:
			break;
	}
	return false;
}

static void format_value(const struct rp_sweep_key* k, double v, char* out, size_t n)
{
	switch (k->unit)
	{
		case U_PCT:
			snprintf(out, n, "%g%%", v);
			break;
		case U_MS:
			if (v >= 1000 && fmod(v, 100) == 0)
				snprintf(out, n, "%gs", v / 1000);
			else
				snprintf(out, n, "%gms", v);
			break;
		case U_KBIT:
			snprintf(out, n, "%gkbit", v);
			break;
		case U_COUNT:
		case U_PROFILE:
			snprintf(out, n, "%g", v);
	}
}

const char* rp_unit_name(const struct rp_sweep_key* k)
{
	static const char* const names[] = { "%", "ms", "kbit/s", "", "" };
	return names[k->unit];
}


/* KEY=FROM..TO/STEP, KEY=A,B,C or KEY=V into ax; err says what is wrong with it. */
bool rp_axis_parse(const char* spec, struct rp_axis* ax, bool single, struct rp_err* err)
{
	char name[32], body[256];
	const char* eq = strchr(spec, '=');
	char* dots;

	memset(ax, 0, sizeof(*ax));
	if (!eq || eq == spec || (size_t)(eq - spec) >= sizeof(name))
		return rp_fail(err, "\"%s\": KEY=%s expected", spec,
		               single ? "VALUE" : "FROM..TO/STEP or KEY=A,B,C");
	memcpy(name, spec, (size_t)(eq - spec));
	name[eq - spec] = '\0';
	rp_strlcpy(body, eq + 1, sizeof(body));
	if (!(ax->key = rp_sweep_key(name)))
	{
		char list[256] = "";
		for (int i = 0; i < RP_N_SWEEP_KEYS; i++)
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "",
			         rp_sweep_keys[i].name);
		return rp_fail(err, "unknown key \"%s\" (%s)", name, list);
	}
	if (!body[0])
		return rp_fail(err, "%s: no value", name);
	if (ax->key->unit == U_PROFILE)
	{
		char* save = NULL;
		if (strcmp(body, "remotefx-wan") == 0)
			snprintf(body, sizeof(body), "coast-to-coast,intercontinental,branch-office,mobile");
		for (char* t = strtok_r(body, ",", &save); t; t = strtok_r(NULL, ",", &save))
		{
			const struct rp_profile* p = rp_profile_by_name(t);
			if (!p)
				return rp_fail(err, "profile: unknown profile \"%s\" (coast-to-coast, "
				                    "intercontinental, branch-office, mobile, or remotefx-wan "
				                    "for all four)", t);
			if (ax->n >= RP_MAX_VALUES)
				return rp_fail(err, "profile: more than %d values", RP_MAX_VALUES);
			ax->v[ax->n] = (double)(p - rp_profiles);
			rp_strlcpy(ax->label[ax->n++], p->name, sizeof(ax->label[0]));
		}
	}
	else if ((dots = strstr(body, "..")))
	{
		char* slash = strchr(dots, '/');
		double from, to, step;
		*dots = '\0';
		if (single)
			return rp_fail(err, "%s: one value, not a range", name);
		if (!slash)
			return rp_fail(err, "%s=%s..%s: a range needs its step (FROM..TO/STEP)", name, body,
			               dots + 2);
		*slash = '\0';
		if (!parse_unit(ax->key, body, &from) || !parse_unit(ax->key, dots + 2, &to) ||
		    !parse_unit(ax->key, slash + 1, &step))
			return rp_fail(err, "%s: \"%s..%s/%s\": not values in %s", name, body, dots + 2,
			               slash + 1, rp_unit_name(ax->key)[0] ? rp_unit_name(ax->key) : "numbers");
		if (step <= 0)
			return rp_fail(err, "%s: empty range: the step must be more than 0", name);
		if (from > to)
			return rp_fail(err, "%s: empty range: %s is more than %s", name, body, dots + 2);
		for (int i = 0;; i++)
		{
			double v = from + i * step;
			if (v > to + step * 1e-9)
				break;
			if (ax->n >= RP_MAX_VALUES)
				return rp_fail(err, "%s: more than %d values in the range", name, RP_MAX_VALUES);
			ax->v[ax->n++] = v;
		}
	}
	else
	{
		char* save = NULL;
		for (char* t = strtok_r(body, ",", &save); t; t = strtok_r(NULL, ",", &save))
		{
			if (ax->n >= RP_MAX_VALUES)
				return rp_fail(err, "%s: more than %d values", name, RP_MAX_VALUES);
			if (!parse_unit(ax->key, t, &ax->v[ax->n]))
				return rp_fail(err, "%s: \"%s\" is not a value in %s", name, t,
				               rp_unit_name(ax->key)[0] ? rp_unit_name(ax->key) : "numbers");
			ax->n++;
		}
		if (single && ax->n != 1)
			return rp_fail(err, "%s: one value", name);
	}
	if (ax->n == 0)
		return rp_fail(err, "%s: empty range", name);
	for (int i = 0; ax->key->unit != U_PROFILE && i < ax->n; i++)
	{
		if (ax->v[i] < ax->key->lo || ax->v[i] > ax->key->hi)
		{
			char lo[32], hi[32], v[32];
			format_value(ax->key, ax->key->lo, lo, sizeof(lo));
			format_value(ax->key, ax->key->hi, hi, sizeof(hi));
			format_value(ax->key, ax->v[i], v, sizeof(v));
			return rp_fail(err, "%s: %s is outside %s..%s", name, v, lo, hi);
		}
		format_value(ax->key, ax->v[i], ax->label[i], sizeof(ax->label[0]));
	}
	return true;
}

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


/* ---- statistics ---- */

bool rp_wilson(int k, int n, double z, double* lo, double* hi)
{
	double p, z2, den, mid, half;

	if (n <= 0 || k < 0 || k > n)
		return false;
	p = (double)k / n;
	z2 = z * z;
	den = 1 + z2 / n;
	mid = (p + z2 / (2.0 * n)) / den;
	half = z * sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / den;
	*lo = mid - half < 0 ? 0 : mid - half;
	*hi = mid + half > 1 ? 1 : mid + half;
	return true;
}

static int cmp_d(const void* a, const void* b)
{
	double x = *(const double*)a, y = *(const double*)b;
	return (x > y) - (x < y);
}

double rp_quantile(double* v, int n, double q)
{
	double h;
	int i;

	if (n <= 0)
		return -1;
	qsort(v, (size_t)n, sizeof(*v), cmp_d);
	h = (n - 1) * q;
	i = (int)floor(h);
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (h - i) * (v[i + 1] - v[i]);
}
