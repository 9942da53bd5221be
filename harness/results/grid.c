/* grid.c: the keys a sweep varies, their values and labels, the grid's points, sweep.json's grid
 * part, and the statistics of a point's runs. The grid held to its rules and sweep.json read
 * back are gridcheck.c's; a point's settings in a scenario's text, gridtext.c's. */
#include "grid.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlstring.h>

#include "grid_values.h"
#include "verdict.h"

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

void rp_sweep_format_value(const struct rp_sweep_key* k, double v, char* out, size_t n)
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
	}
	if (ax->n == 0)
		return rp_fail(err, "%s: empty range", name);
	if (single && ax->n != 1)
		return rp_fail(err, "%s: one value", name); /* profile=remotefx-wan is four */
	for (int i = 0; ax->key->unit != U_PROFILE && i < ax->n; i++)
	{
		if (ax->v[i] < ax->key->lo || ax->v[i] > ax->key->hi)
		{
			char lo[32], hi[32], v[32];
			rp_sweep_format_value(ax->key, ax->key->lo, lo, sizeof(lo));
			rp_sweep_format_value(ax->key, ax->key->hi, hi, sizeof(hi));
			rp_sweep_format_value(ax->key, ax->v[i], v, sizeof(v));
			return rp_fail(err, "%s: %s is outside %s..%s", name, v, lo, hi);
		}
		rp_sweep_format_value(ax->key, ax->v[i], ax->label[i], sizeof(ax->label[0]));
	}
	return true;
}

/* ---- the grid ---- */

/* A label as a file name's part: lower case, '.' as 'p', '%' as "pct" (5.5% -> 5p5pct). */
static void name_token(const char* s, char* out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 4 < n; s++)
	{
		if (isalnum((unsigned char)*s) || *s == '-')
			out[k++] = (char)tolower((unsigned char)*s);
		else if (*s == '.')
			out[k++] = 'p';
		else if (*s == '%')
			k += (size_t)snprintf(out + k, n - k, "pct");
	}
	out[k] = '\0';
}

void rp_sweep_points(struct rp_sweep* sw)
{
	int n1 = sw->ax[0].n, n2 = sw->n_axes > 1 ? sw->ax[1].n : 1;
	sw->n_points = 0;
	for (int i = 0; i < n1; i++)
		for (int j = 0; j < n2 && sw->n_points < RP_SWEEP_MAX_POINTS; j++)
		{
			struct rp_sweep_point* p = &sw->pts[sw->n_points];
			char a[32], b[32] = "";
			p->idx[0] = i;
			p->idx[1] = sw->n_axes > 1 ? j : 0;
			name_token(sw->ax[0].label[i], a, sizeof(a));
			if (sw->n_axes > 1)
				name_token(sw->ax[1].label[j], b, sizeof(b));
			snprintf(p->name, sizeof(p->name), "p%03d-%s-%s%s%s%s", sw->n_points + 1,
			         sw->ax[0].key->name, a, sw->n_axes > 1 ? "-" : "",
			         sw->n_axes > 1 ? sw->ax[1].key->name : "", b);
			sw->n_points++;
		}
}

/* sweep.json's grid part: what merge needs to aggregate shards of the same sweep. */
json_object* rp_sweep_grid_json(const struct rp_sweep* sw)
{
	json_object* j = json_object_new_object();
	json_object* axes = json_object_new_array();
	json_object* sets = json_object_new_array();
	json_object* pts = json_object_new_array();

	json_object_object_add(j, "record", json_object_new_string("rdprepro-sweep/1"));
	json_object_object_add(j, "scenario", json_object_new_string(sw->scenario));
	json_object_object_add(j, "name", json_object_new_string(sw->base));
	json_object_object_add(j, "repeat", json_object_new_int(sw->repeat));
	if (sw->have_seed)
		json_object_object_add(j, "seed", json_object_new_int64(sw->seed));
	for (int a = 0; a < sw->n_axes; a++)
	{
		json_object* o = json_object_new_object();
		json_object* vals = json_object_new_array();
		json_object* labels = json_object_new_array();
		json_object_object_add(o, "key", json_object_new_string(sw->ax[a].key->name));
		json_object_object_add(o, "means", json_object_new_string(sw->ax[a].key->what));
		for (int i = 0; i < sw->ax[a].n; i++)
		{
			json_object_array_add(vals, json_object_new_double(sw->ax[a].v[i]));
			json_object_array_add(labels, json_object_new_string(sw->ax[a].label[i]));
		}
		json_object_object_add(o, "values", vals);
		json_object_object_add(o, "labels", labels);
		json_object_array_add(axes, o);
	}
	json_object_object_add(j, "axes", axes);
	for (int i = 0; i < sw->n_sets; i++)
	{
		char s[80];
		snprintf(s, sizeof(s), "%s=%s", sw->sets[i].key->name, sw->sets[i].label);
		json_object_array_add(sets, json_object_new_string(s));
	}
	json_object_object_add(j, "set", sets);
	for (int i = 0; i < sw->n_points; i++)
		json_object_array_add(pts, json_object_new_string(sw->pts[i].name));
	json_object_object_add(j, "points", pts);
	return j;
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
