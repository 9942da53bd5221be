/* grid.c: the keys a sweep varies, the grid's points, a point's settings in a scenario's text,
 * statistics, and sweep.json read back as a stranger's (merge, `sweep --report`: the strict
 * JSON helpers are artifact.c's). */
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

#include "artifact.h"
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
			format_value(ax->key, ax->key->lo, lo, sizeof(lo));
			format_value(ax->key, ax->key->hi, hi, sizeof(hi));
			format_value(ax->key, ax->v[i], v, sizeof(v));
			return rp_fail(err, "%s: %s is outside %s..%s", name, v, lo, hi);
		}
		format_value(ax->key, ax->v[i], ax->label[i], sizeof(ax->label[0]));
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

bool rp_sweep_check_grid(const struct rp_sweep* sw, struct rp_err* err)
{
	const struct rp_sweep_key* used[RP_SWEEP_MAX_SETS + 2];
	int n = 0, points = 1;

	if (!rp_name_ok(sw->base))
		return rp_fail(err, "scenario name \"%s\": use a-z, 0-9 and '-' only (the scenario "
		                    "format's rule for file names), at most 63", sw->base);
	if (sw->n_axes < 1 || sw->n_axes > 2 || sw->n_sets < 0 || sw->n_sets > RP_SWEEP_MAX_SETS)
		return rp_fail(err, "%d keys varied and %d set: 1 or 2 varied, at most %d set",
		               sw->n_axes, sw->n_sets, RP_SWEEP_MAX_SETS);
	for (int a = 0; a < sw->n_axes; a++)
	{
		used[n++] = sw->ax[a].key;
		points *= sw->ax[a].n;
	}
	if (points > RP_SWEEP_MAX_POINTS)
		return rp_fail(err, "%d points: at most %d", points, RP_SWEEP_MAX_POINTS);
	for (int i = 0; i < sw->n_sets; i++)
		used[n++] = sw->sets[i].key;
	/* A key swept twice, or swept and set, or set by a profile as well. */
	for (int i = 0; i < n; i++)
		for (int k = 0; k < n; k++)
		{
			bool prof = used[i]->unit == U_PROFILE &&
			            (strcmp(used[k]->name, "loss") == 0 ||
			             strcmp(used[k]->name, "delay") == 0 || strcmp(used[k]->name, "rate") == 0);
			if ((k > i && used[i] == used[k]) || prof)
				return rp_fail(err, "%s and %s both set %s", used[i]->name, used[k]->name,
				               prof ? used[k]->name : "the same key");
		}
	return true;
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

/* ---- sweep.json read back: every field checked before it is used ---- */


/* One value of an axis as sweep.json holds it: finite, in the key's range (a profile: its
 * index), whole where the unit is (ms, a count), and labelled as the sweep labels it (the label
 * is then only what format_value writes: digits, '.', "e+", a unit, or a profile's name). */
static bool axis_value_ok(const struct rp_sweep_key* k, double x, const char* label)
{
	char want[32];

	if (!isfinite(x))
		return false;
	if (k->unit == U_PROFILE)
		return x >= 0 && x < RP_N_PROFILES && x == floor(x) &&
		       strcmp(label, rp_profiles[(int)x].name) == 0;
	if (x < k->lo || x > k->hi || ((k->unit == U_MS || k->unit == U_COUNT) && x != floor(x)))
		return false;
	format_value(k, x, want, sizeof(want));
	return strcmp(want, label) == 0;
}

/* One axis: its key, its values and their labels (axis_value_ok), 1 to RP_MAX_VALUES of them,
 * the count checked before any is stored. */
static bool parse_axis(json_object* o, int a, struct rp_axis* ax, const char* shown,
                       struct rp_err* err)
{
	char where[32];
	json_object *k, *vals, *labels;
	size_t n;

	snprintf(where, sizeof(where), "axes[%d].", a);
	if (!json_object_is_type(o, json_type_object))
		return rp_fail(err, "%s: axes[%d]: not an object", shown, a);
	if (!rp_json_member(o, where, "key", json_type_string, true, &k, shown, err) ||
	    !rp_json_member(o, where, "values", json_type_array, true, &vals, shown, err) ||
	    !rp_json_member(o, where, "labels", json_type_array, true, &labels, shown, err))
		return false;
	if (!rp_json_fits(k, 32) || !(ax->key = rp_sweep_key(json_object_get_string(k))))
		return rp_fail(err, "%s: axes[%d].key: not a key a sweep varies", shown, a);
	n = json_object_array_length(vals);
	if (n < 1 || n > RP_MAX_VALUES || json_object_array_length(labels) != n)
		return rp_fail(err, "%s: axes[%d]: %zu values and %zu labels: 1 to %d of each, as many "
		                    "labels as values", shown, a, n, json_object_array_length(labels),
		               RP_MAX_VALUES);
	for (size_t i = 0; i < n; i++)
	{
		json_object* v = json_object_array_get_idx(vals, i);
		json_object* l = json_object_array_get_idx(labels, i);
		if (!json_object_is_type(v, json_type_double) && !json_object_is_type(v, json_type_int))
			return rp_fail(err, "%s: axes[%d].values[%zu]: not a number", shown, a, i);
		if (!json_object_is_type(l, json_type_string) || !rp_json_fits(l, sizeof(ax->label[0])) ||
		    !axis_value_ok(ax->key, json_object_get_double(v), json_object_get_string(l)))
			return rp_fail(err, "%s: axes[%d]: value %zu (%.40s, labelled %.40s) is not a value "
			                    "of %s as a sweep writes it", shown, a, i,
			               json_object_to_json_string(v), json_object_to_json_string(l),
			               ax->key->name);
		ax->v[i] = json_object_get_double(v);
		rp_strlcpy(ax->label[i], json_object_get_string(l), sizeof(ax->label[0]));
	}
	ax->n = (int)n;
	return true;
}

/* "set": ["KEY=VALUE", ...], each parsed as --set parses it. */
static bool parse_sets(json_object* sets, struct rp_sweep* sw, const char* shown,
                       struct rp_err* err)
{
	size_t n = json_object_array_length(sets);

	if (n > RP_SWEEP_MAX_SETS)
		return rp_fail(err, "%s: set: %zu settings, at most %d", shown, n, RP_SWEEP_MAX_SETS);
	for (size_t i = 0; i < n; i++)
	{
		json_object* s = json_object_array_get_idx(sets, i);
		struct rp_axis ax;
		struct rp_err why = { "" };
		if (!json_object_is_type(s, json_type_string) || !rp_json_fits(s, 80) ||
		    !rp_axis_parse(json_object_get_string(s), &ax, true, &why) ||
		    strcmp(strchr(json_object_get_string(s), '=') + 1, ax.label[0]) != 0)
			return rp_fail(err, "%s: set[%zu]: %s", shown, i, why.msg[0] ? why.msg : "not KEY=VALUE");
		sw->sets[i].key = ax.key;
		sw->sets[i].v = ax.v[0];
		rp_strlcpy(sw->sets[i].label, ax.label[0], sizeof(sw->sets[i].label));
	}
	sw->n_sets = (int)n;
	return true;
}


/* What names the sweep: record, name, scenario, repeat, seed. */
static bool parse_head(json_object* j, struct rp_sweep* sw, const char* shown, struct rp_err* err)
{
	json_object* v;
	const char* s;
	int64_t x = 0;

	if (!rp_json_member(j, "", "record", json_type_string, true, &v, shown, err))
		return false;
	if (strcmp(json_object_get_string(v), "rdprepro-sweep/1") != 0)
		return rp_fail(err, "%s: record: not \"rdprepro-sweep/1\": not a sweep's record", shown);
	if (!rp_json_member(j, "", "name", json_type_string, true, &v, shown, err))
		return false;
	if (!rp_json_fits(v, sizeof(sw->base)) || !rp_name_ok(json_object_get_string(v)))
		return rp_fail(err, "%s: name: not a scenario's name (a-z, 0-9 and '-', at most 63)",
		               shown);
	rp_strlcpy(sw->base, json_object_get_string(v), sizeof(sw->base));
	if (!rp_json_member(j, "", "scenario", json_type_string, false, &v, shown, err))
		return false;
	s = v ? json_object_get_string(v) : "";
	if (v && (!rp_json_fits(v, sizeof(sw->scenario)) ||
	          rp_control_at(s, strlen(s), false) < strlen(s)))
		return rp_fail(err, "%s: scenario: not a path (at most %zu bytes, no control characters)",
		               shown, sizeof(sw->scenario) - 1);
	rp_strlcpy(sw->scenario, s, sizeof(sw->scenario));
	if (!rp_json_member_int(j, "repeat", true, 1, RP_SWEEP_MAX_REPEAT, &x, shown, err))
		return false;
	sw->repeat = (int)x;
	x = -1;
	if (!rp_json_member_int(j, "seed", false, 0, RP_SWEEP_MAX_SEED, &x, shown, err))
		return false;
	sw->have_seed = x >= 0;
	sw->seed = x >= 0 ? (unsigned)x : 0;
	return true;
}

/* The grid: axes and settings, checked as the command line checks them, then the points they
 * make, which must be the points the file names (folder names under runs/). */
static bool parse_grid(json_object* j, struct rp_sweep* sw, const char* shown, struct rp_err* err)
{
	json_object *axes, *pts, *sets;

	if (!rp_json_member(j, "", "axes", json_type_array, true, &axes, shown, err) ||
	    !rp_json_member(j, "", "points", json_type_array, true, &pts, shown, err) ||
	    !rp_json_member(j, "", "set", json_type_array, false, &sets, shown, err))
		return false;
	if (json_object_array_length(axes) < 1 || json_object_array_length(axes) > 2)
		return rp_fail(err, "%s: axes: %zu axes, not 1 or 2", shown,
		               json_object_array_length(axes));
	sw->n_axes = (int)json_object_array_length(axes);
	for (int a = 0; a < sw->n_axes; a++)
		if (!parse_axis(json_object_array_get_idx(axes, a), a, &sw->ax[a], shown, err))
			return false;
	if (sets && !parse_sets(sets, sw, shown, err))
		return false;
	/* The 400-point bound here, before rp_sweep_points fills pts[400]. */
	if (!rp_sweep_check_grid(sw, err))
	{
		char why[sizeof(err->msg)];
		rp_strlcpy(why, err->msg, sizeof(why));
		return rp_fail(err, "%s: axes: %s", shown, why);
	}
	rp_sweep_points(sw);
	if (json_object_array_length(pts) != (size_t)sw->n_points)
		return rp_fail(err, "%s: points: %zu points, the axes make %d", shown,
		               json_object_array_length(pts), sw->n_points);
	for (int i = 0; i < sw->n_points; i++)
	{
		json_object* p = json_object_array_get_idx(pts, (size_t)i);
		if (!json_object_is_type(p, json_type_string) ||
		    strcmp(json_object_get_string(p), sw->pts[i].name) != 0)
			return rp_fail(err, "%s: points[%d]: not \"%s\", the point the axes make there",
			               shown, i, sw->pts[i].name);
	}
	return true;
}

bool rp_sweep_grid_parse(const char* shown, const char* text, size_t len, struct rp_sweep* sw,
                         struct rp_err* err)
{
	json_object* j = rp_json_object(shown, text, len, err);
	bool ok;

	memset(sw, 0, sizeof(*sw));
	ok = j && parse_head(j, sw, shown, err) && parse_grid(j, sw, shown, err);
	json_object_put(j);
	if (!ok)
		memset(sw, 0, sizeof(*sw)); /* no half-read grid behind a refusal */
	return ok;
}

bool rp_sweep_grid_read(const char* path, struct rp_sweep* sw, struct rp_err* err)
{
	char* text;
	size_t len;
	bool ok;

	memset(sw, 0, sizeof(*sw));
	if (!rp_read_regular(path, RP_SWEEP_JSON_MAX, true, &text, &len, err))
		return false;
	ok = rp_sweep_grid_parse(path, text, len, sw, err);
	free(text);
	return ok;
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
