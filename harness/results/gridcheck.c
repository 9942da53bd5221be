/* gridcheck.c: a grid held to the rules the command line and sweep.json share, and sweep.json
 * read back as a stranger's (merge, `sweep --report`): every field checked before it is used
 * (the strict JSON helpers are artifact.c's). */
#include "grid.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "artifact.h"
#include "grid_values.h"

/* ---- what a grid holds to ---- */

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

/* ---- sweep.json read back: every field checked before it is used ---- */


/* One value of an axis as sweep.json holds it: finite, in the key's range (a profile: its
 * index), whole where the unit is (ms, a count), and labelled as the sweep labels it (the label
 * is then only what rp_sweep_format_value writes: digits, '.', "e+", a unit, or a profile's
 * name). */
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
	rp_sweep_format_value(k, x, want, sizeof(want));
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

