/* grid.c: the keys a sweep varies, the grid's points, a point's settings in a scenario's text,
 * statistics, and the readers of sweep.json and result.json for files other machines wrote
 * (merge, `sweep --report`: docs/sharding.md, "What merge accepts"). */
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

/* sweep.json and result.json are objects a few levels deep (result.json's evidence: 5). */
#define JSON_DEPTH 16

/* len bytes as one JSON object, nothing after it but blanks. json-c's strict mode (no NaN,
 * Infinity, comments, single quotes or control characters in strings) and its UTF-8 check:
 * what our writers write and nothing else. */
static json_object* json_parse(const char* shown, const char* text, size_t len,
                               struct rp_err* err)
{
	json_tokener* tok = json_tokener_new_ex(JSON_DEPTH);
	json_object* j = NULL;
	size_t end;

	if (!tok)
	{
		rp_fail(err, "%s: out of memory", shown);
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	if (len > INT_MAX)
		rp_fail(err, "%s: %zu bytes: too large", shown, len);
	else if (!(j = json_tokener_parse_ex(tok, text, (int)len)))
	{
		enum json_tokener_error e = json_tokener_get_error(tok);
		rp_fail(err, "%s: not JSON: %s (byte %zu)", shown,
		        e == json_tokener_continue ? "it ends too early" : json_tokener_error_desc(e),
		        json_tokener_get_parse_end(tok));
	}
	else
	{
		for (end = json_tokener_get_parse_end(tok); end < len && isspace((unsigned char)text[end]);
		     end++)
			;
		if (end != len || !json_object_is_type(j, json_type_object))
		{
			rp_fail(err, "%s: not one JSON object (%s at byte %zu)", shown,
			        end != len ? "more after it" : "another value", end);
			json_object_put(j);
			j = NULL;
		}
	}
	json_tokener_free(tok);
	return j;
}

/* o's member key of type t into *v; false with err naming shown and the field (where, then
 * key) when it is missing (and required) or of another type. An integer is a number too. */
static bool member(json_object* o, const char* where, const char* key, json_type t,
                   bool required, json_object** v, const char* shown, struct rp_err* err)
{
	static const char* const type_names[] = { "null",   "a boolean", "a number", "an integer",
		                                      "an object", "an array", "a string" };
	*v = NULL;
	if (!json_object_object_get_ex(o, key, v) || !*v)
	{
		*v = NULL;
		return required ? rp_fail(err, "%s: %s%s: missing", shown, where, key) : true;
	}
	if (json_object_is_type(*v, t) || (t == json_type_double && json_object_is_type(*v, json_type_int)))
		return true;
	return rp_fail(err, "%s: %s%s: not %s", shown, where, key,
	               (size_t)t < sizeof(type_names) / sizeof(type_names[0]) ? type_names[t] : "?");
}

/* An integer member in lo..hi (required or not: *out untouched when absent). */
static bool member_int(json_object* o, const char* key, bool required, int64_t lo, int64_t hi,
                       int64_t* out, const char* shown, struct rp_err* err)
{
	json_object* v;
	int64_t x;

	if (!member(o, "", key, json_type_int, required, &v, shown, err))
		return false;
	if (!v)
		return true;
	errno = 0;
	x = json_object_get_int64(v);
	if (errno || x < lo || x > hi)
		return rp_fail(err, "%s: %s: %s is outside %lld..%lld", shown, key,
		               json_object_get_string(v), (long long)lo, (long long)hi);
	*out = x;
	return true;
}

/* A string of at most n - 1 bytes with no NUL in it (json-c keeps "\u0000"). */
static bool fits(json_object* v, size_t n)
{
	const char* s = json_object_get_string(v);
	size_t len = (size_t)json_object_get_string_len(v);
	return len < n && strlen(s) == len;
}

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
	if (!member(o, where, "key", json_type_string, true, &k, shown, err) ||
	    !member(o, where, "values", json_type_array, true, &vals, shown, err) ||
	    !member(o, where, "labels", json_type_array, true, &labels, shown, err))
		return false;
	if (!fits(k, 32) || !(ax->key = rp_sweep_key(json_object_get_string(k))))
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
		if (!json_object_is_type(l, json_type_string) || !fits(l, sizeof(ax->label[0])) ||
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
		if (!json_object_is_type(s, json_type_string) || !fits(s, 80) ||
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

/* Where the first control character is (len if none); lines: newline, tab and CR allowed. A
 * newline in one-line text would start a line of its own in TAP or a CSV; most control
 * characters are no XML 1.0 characters, and escape sequences reach a terminal. */
static size_t control_at(const char* s, size_t len, bool lines)
{
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && !(lines && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f)
			return i;
	}
	return len;
}

/* What names the sweep: record, name, scenario, repeat, seed. */
static bool parse_head(json_object* j, struct rp_sweep* sw, const char* shown, struct rp_err* err)
{
	json_object* v;
	const char* s;
	int64_t x = 0;

	if (!member(j, "", "record", json_type_string, true, &v, shown, err))
		return false;
	if (strcmp(json_object_get_string(v), "rdprepro-sweep/1") != 0)
		return rp_fail(err, "%s: record: not \"rdprepro-sweep/1\": not a sweep's record", shown);
	if (!member(j, "", "name", json_type_string, true, &v, shown, err))
		return false;
	if (!fits(v, sizeof(sw->base)) || !rp_name_ok(json_object_get_string(v)))
		return rp_fail(err, "%s: name: not a scenario's name (a-z, 0-9 and '-', at most 63)",
		               shown);
	rp_strlcpy(sw->base, json_object_get_string(v), sizeof(sw->base));
	if (!member(j, "", "scenario", json_type_string, false, &v, shown, err))
		return false;
	s = v ? json_object_get_string(v) : "";
	if (v && (!fits(v, sizeof(sw->scenario)) || control_at(s, strlen(s), false) < strlen(s)))
		return rp_fail(err, "%s: scenario: not a path (at most %zu bytes, no control characters)",
		               shown, sizeof(sw->scenario) - 1);
	rp_strlcpy(sw->scenario, s, sizeof(sw->scenario));
	if (!member_int(j, "repeat", true, 1, RP_SWEEP_MAX_REPEAT, &x, shown, err))
		return false;
	sw->repeat = (int)x;
	x = -1;
	if (!member_int(j, "seed", false, 0, RP_SWEEP_MAX_SEED, &x, shown, err))
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

	if (!member(j, "", "axes", json_type_array, true, &axes, shown, err) ||
	    !member(j, "", "points", json_type_array, true, &pts, shown, err) ||
	    !member(j, "", "set", json_type_array, false, &sets, shown, err))
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
	json_object* j = json_parse(shown, text, len, err);
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

/* ---- what other machines wrote: result.json, text, a tree walked through descriptors ---- */

bool rp_name_ok(const char* s)
{
	size_t n = strlen(s);
	/* scenario.c's rule for a scenario's file name, and the size of its name (63 + NUL). */
	return n >= 1 && n <= 63 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

bool rp_report_text_ok(const char* shown, const char* s, size_t len, struct rp_err* err)
{
	size_t at;

	if (strlen(s) != len)
		return rp_fail(err, "%s: a NUL byte at byte %zu: not text a run writes", shown, strlen(s));
	if (!xmlCheckUTF8((const unsigned char*)s))
		return rp_fail(err, "%s: not UTF-8: not text a run writes", shown);
	if ((at = control_at(s, len, true)) < len)
		return rp_fail(err, "%s: control character 0x%02x at byte %zu: not text a run writes",
		               shown, (unsigned char)s[at], at);
	return true;
}

/* What a field of result.json must be (results.c, rp_result_write, writes each). */
enum result_check
{
	R_RECORD,     /* "rdprepro-result/1" */
	R_NAME,       /* a scenario's name */
	R_CAUSE,      /* a cause of the taxonomy (verdict.c), or "" */
	R_CAUSES,     /* causes, space-separated */
	R_CONFIDENCE, /* low, medium, high, or "" */
	R_ACCEPTED,   /* exact, acceptable, or "" */
	R_STATUS,     /* PASS, FAIL, SKIP, ERROR */
	R_TEXT,       /* one line of text */
	R_RUN,        /* 1 to RP_SWEEP_MAX_REPEAT (run's --repeat) */
	R_SEED,       /* 0 to 2^32 - 1 */
	R_MS,         /* a wall time, 0 to a day (rp_parse_duration_ms's bound) */
};

#define RESULT_MS_MAX 86400000.0
#define STR_FIELD(f) offsetof(struct rp_outcome, f), sizeof(((struct rp_outcome*)0)->f)

/* The fields merge and the sweep's report read, one row each: the JSON key, its check, whether a
 * run always writes it, and for text its place in struct rp_outcome (a longer string than the
 * place holds is refused, not cut). */
static const struct result_field
{
	const char* key;
	enum result_check check;
	bool required;
	size_t off, size;
} result_fields[] = {
	{ "record", R_RECORD, true, 0, 0 },
	{ "scenario", R_NAME, true, STR_FIELD(scenario) },
	{ "path", R_TEXT, false, STR_FIELD(path) },
	{ "run", R_RUN, true, 0, 0 },
	{ "status", R_STATUS, true, 0, 0 },
	{ "reason", R_TEXT, false, STR_FIELD(reason) },
	{ "expected", R_CAUSE, false, STR_FIELD(expected) },
	{ "verdict", R_CAUSE, false, STR_FIELD(verdict) },
	{ "because", R_TEXT, false, STR_FIELD(because) },
	{ "confidence", R_CONFIDENCE, false, STR_FIELD(confidence) },
	{ "candidates", R_CAUSES, false, STR_FIELD(candidates) },
	{ "ruled_out", R_TEXT, false, STR_FIELD(eliminated) },
	{ "accepted", R_ACCEPTED, false, STR_FIELD(accepted) },
	{ "seed", R_SEED, false, 0, 0 },
	{ "link", R_TEXT, false, STR_FIELD(link) },
	{ "wall_ms", R_MS, false, 0, 0 },
};

/* What a refused value should have been, for the message. */
static const char* const result_what[] = {
	[R_RECORD] = "\"rdprepro-result/1\": not a run's result",
	[R_NAME] = "a scenario's name (a-z, 0-9 and '-', at most 63)",
	[R_CAUSE] = "a cause (docs/causes.md)",
	[R_CAUSES] = "causes (docs/causes.md), one space between them",
	[R_CONFIDENCE] = "low, medium or high",
	[R_ACCEPTED] = "exact or acceptable",
	[R_STATUS] = "PASS, FAIL, SKIP or ERROR",
	[R_TEXT] = "one line of text",
	[R_RUN] = "a run of 1 to 1000",
	[R_SEED] = "a seed of 0 to 4294967295",
	[R_MS] = "a time of 0 to 86400000 ms",
};

static bool causes_ok(const char* s)
{
	char buf[256], *save = NULL;

	rp_strlcpy(buf, s, sizeof(buf));
	if (s[0] == ' ' || strstr(s, "  ") || (s[0] && s[strlen(s) - 1] == ' '))
		return false;
	for (char* w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (rp_cause_from_name(w) == RP_CAUSE_COUNT)
			return false;
	return true;
}

/* Whether s is a value of a text field's kind; numbers are never text. */
static bool result_text_ok(enum result_check c, const char* s)
{
	switch (c)
	{
		case R_RECORD:
			return strcmp(s, "rdprepro-result/1") == 0;
		case R_NAME:
			return rp_name_ok(s);
		case R_CAUSE:
			return !s[0] || rp_cause_from_name(s) != RP_CAUSE_COUNT;
		case R_CAUSES:
			return causes_ok(s);
		case R_CONFIDENCE:
			for (int i = RP_CONF_LOW; i <= RP_CONF_HIGH; i++)
				if (strcmp(s, rp_confidence_name((enum rp_confidence)i)) == 0)
					return true;
			return !s[0];
		case R_ACCEPTED:
			return !s[0] || strcmp(s, "exact") == 0 || strcmp(s, "acceptable") == 0;
		case R_STATUS:
			for (int i = 0; i < RP_STATUS_COUNT; i++)
				if (strcmp(s, rp_status_name((enum rp_status)i)) == 0)
					return true;
			return false;
		case R_TEXT:
			return control_at(s, strlen(s), false) == strlen(s);
		case R_RUN:
		case R_SEED:
		case R_MS:
			return false;
	}
	return false;
}

/* One field of result.json checked and stored. */
static bool result_field(json_object* j, const struct result_field* f, struct rp_outcome* o,
                         const char* shown, struct rp_err* err)
{
	json_object* v;
	int64_t x = 0;
	const char* s;

	switch (f->check)
	{
		case R_RUN:
			if (!member_int(j, f->key, f->required, 1, RP_SWEEP_MAX_REPEAT, &x, shown, err))
				return false;
			o->run = (int)x;
			return true;
		case R_SEED:
			if (!member_int(j, f->key, f->required, 0, UINT32_MAX, &x, shown, err))
				return false;
			o->seed = (unsigned)x;
			return true;
		case R_MS:
			if (!member(j, "", f->key, json_type_double, f->required, &v, shown, err))
				return false;
			o->wall_ms = v ? json_object_get_double(v) : 0;
			if (!isfinite(o->wall_ms) || o->wall_ms < 0 || o->wall_ms > RESULT_MS_MAX)
				return rp_fail(err, "%s: %s: %.40s is not %s", shown, f->key,
				               json_object_to_json_string(v), result_what[f->check]);
			return true;
		case R_RECORD:
		case R_NAME:
		case R_CAUSE:
		case R_CAUSES:
		case R_CONFIDENCE:
		case R_ACCEPTED:
		case R_STATUS:
		case R_TEXT:
			break;
	}
	if (!member(j, "", f->key, json_type_string, f->required, &v, shown, err))
		return false;
	if (!v)
		return true;
	s = json_object_get_string(v);
	if (!fits(v, f->size ? f->size : 32))
		return rp_fail(err, "%s: %s: more than %zu bytes, or a NUL byte: not what a run writes",
		               shown, f->key, (f->size ? f->size : 32) - 1);
	if (!result_text_ok(f->check, s))
		return rp_fail(err, "%s: %s: %.60s%s is not %s", shown, f->key,
		               json_object_to_json_string(v),
		               strlen(json_object_to_json_string(v)) > 60 ? "..." : "",
		               result_what[f->check]);
	if (f->check == R_STATUS)
		for (int i = 0; i < RP_STATUS_COUNT; i++)
			if (strcmp(s, rp_status_name((enum rp_status)i)) == 0)
				o->status = (enum rp_status)i;
	if (f->size)
		rp_strlcpy((char*)o + f->off, s, f->size);
	return true;
}

bool rp_result_parse_strict(const char* shown, const char* text, size_t len,
                            struct rp_outcome* o, struct rp_err* err)
{
	json_object* j = json_parse(shown, text, len, err);
	bool ok = j != NULL;

	memset(o, 0, sizeof(*o));
	for (size_t i = 0; ok && i < sizeof(result_fields) / sizeof(result_fields[0]); i++)
		ok = result_field(j, &result_fields[i], o, shown, err);
	json_object_put(j);
	if (!ok)
		memset(o, 0, sizeof(*o));
	return ok;
}

static const char* file_kind(mode_t m)
{
	switch (m & S_IFMT)
	{
		case S_IFLNK:
			return "a symlink";
		case S_IFIFO:
			return "a FIFO";
		case S_IFCHR:
			return "a character device";
		case S_IFBLK:
			return "a block device";
		case S_IFSOCK:
			return "a socket";
		case S_IFDIR:
			return "a directory";
		case S_IFREG:
			return "a regular file";
	}
	return "a special file";
}

int rp_dir_at(int dirfd, const char* name, const char* shown, struct rp_err* err)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	int e = errno;

	if (fd >= 0)
		return fd;
	/* O_DIRECTORY fails on anything else without opening it (a FIFO never blocks here). */
	if (e != ENOENT && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
		rp_fail(err, "%s: %s, not a directory: refused", shown, file_kind(st.st_mode));
	else
		rp_fail(err, "%s: %s", shown, strerror(e));
	errno = e;
	return -1;
}

/* name in dirfd opened O_PATH (which opens nothing: a FIFO, a device or a symlink is only looked
 * at), and only a regular file of one link and at most max bytes kept. -1 (errno ENOENT when
 * there is none) with err naming shown. */
static int regular_at(int dirfd, const char* name, const char* shown, size_t max,
                      struct stat* st, struct rp_err* err)
{
	int fd = openat(dirfd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	int e = errno;

	if (fd < 0)
	{
		rp_fail(err, "%s: %s", shown, strerror(e));
		errno = e;
		return -1;
	}
	if (fstat(fd, st) != 0)
		rp_fail(err, "%s: %s", shown, strerror(errno));
	else if (!S_ISREG(st->st_mode))
		rp_fail(err, "%s: %s, not a regular file: refused", shown, file_kind(st->st_mode));
	else if (st->st_nlink > 1)
		rp_fail(err, "%s: %ju hard links: refused (a hard link may be any file of this machine)",
		        shown, (uintmax_t)st->st_nlink);
	else if ((uintmax_t)st->st_size > max)
		rp_fail(err, "%s: %jd bytes, more than the %zu this reads: refused", shown,
		        (intmax_t)st->st_size, max);
	else
		return fd;
	close(fd);
	errno = EPERM;
	return -1;
}

int rp_open_regular_at(int dirfd, const char* name, const char* shown, size_t max,
                       struct stat* st, struct rp_err* err)
{
	char path[64];
	int pfd = regular_at(dirfd, name, shown, max, st, err), fd;

	if (pfd < 0)
		return -1;
	/* Opened again through the descriptor: the very file checked, not what the name holds now. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", pfd);
	fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		rp_fail(err, "%s: %s", shown, strerror(errno));
	close(pfd);
	return fd;
}

bool rp_read_at(int dirfd, const char* name, const char* shown, size_t max, char** out,
                size_t* len, struct rp_err* err)
{
	char path[64];
	struct stat st;
	struct rp_err why = { "" };
	int pfd = regular_at(dirfd, name, shown, max, &st, err);
	bool ok;

	*out = NULL;
	if (pfd < 0)
		return false;
	/* rp_read_regular on the checked file itself (/proc/self/fd/N is that file, whatever
	 * the name holds now): it reads at most max bytes, even of a file that grows. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", pfd);
	ok = rp_read_regular(path, max, false, out, len, &why);
	close(pfd);
	if (!ok)
	{
		size_t n = strlen(path);
		/* Its message names /proc/self/fd/N: the file's own name instead. */
		rp_fail(err, "%s: %s", shown,
		        strncmp(why.msg, path, n) == 0 && strlen(why.msg) > n + 2 ? why.msg + n + 2
		                                                                  : why.msg);
		errno = EIO; /* the file is there: never read as "none" */
	}
	return ok;
}

int rp_run_folder(const char* name, int max)
{
	char* end;
	long k;

	if (strncmp(name, "run-", 4) != 0)
		return 0;
	if (name[4] < '1' || name[4] > '9')
		return -1;
	errno = 0;
	k = strtol(name + 4, &end, 10);
	return *end || errno || k > max ? -1 : (int)k;
}

int rp_private_dir(const char* parent, const char* prefix, char* name, size_t n,
                   struct rp_err* err)
{
	char path[4200];
	struct stat st;
	int fd;

	if (snprintf(path, sizeof(path), "%s/%s-XXXXXX", parent, prefix) >= (int)sizeof(path))
		return rp_fail(err, "%s: path too long", parent), -1;
	if (!mkdtemp(path))
		return rp_fail(err, "%s: %s", path, strerror(errno)), -1;
	rp_strlcpy(name, strrchr(path, '/') + 1, n);
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	/* Between mkdtemp and open the name is the parent's owner's to change: what was opened must
	 * be a directory of ours that no one else may write, or it is not the one made. */
	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == geteuid() && (st.st_mode & 0777) == 0700)
		return fd;
	rp_fail(err, "%s: not the directory just made: refused", path);
	if (fd >= 0)
		close(fd);
	return -1;
}
