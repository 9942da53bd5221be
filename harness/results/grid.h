/* grid.h: what a sweep varies (the keys, their units and ranges, the named link profiles),
 * the grid and its points, the scenario's text with a point's settings written into it, the
 * statistics of a point's runs, and the readers of what merge and `sweep --report` take from
 * other machines (sweep.json, result.json), which check every field they read. Pure logic
 * (rdpcore, unit-tested in tests/results/check_grid.c, fuzzed by tests/fuzz/fuzz_sweepjson.c and
 * fuzz_resultjson.c); sweep.c runs the points. Its rooms: grid.c (the keys, values, points and
 * statistics), gridcheck.c (the grid's rules, sweep.json read back), gridtext.c (the text). */
#ifndef RDPREPRO_GRID_H
#define RDPREPRO_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include <sys/stat.h>

#include <json-c/json.h>

#include "results.h"
#include "util.h"

#define RP_MAX_VALUES 64

enum rp_unit
{
	U_PCT,     /* 5, 5% */
	U_MS,      /* 250ms, 3s, 1.5s, a bare number of ms */
	U_KBIT,    /* 64kbit, 2mbit, a bare number of kbit/s */
	U_COUNT,   /* a bare number */
	U_PROFILE, /* a link profile's name */
};

struct rp_sweep_key
{
	const char* name;
	enum rp_unit unit;
	double lo, hi; /* the values the scenario format accepts */
	const char* what;
};

/* Microsoft's RemoteFX for WAN target networks (Rajneesh Mahajan, "RemoteFX for WAN: Overview
 * of Intelligent and Adaptive Transports in Windows 8 and Windows Server 2012", Remote Desktop
 * Services blog, 2012-08-23). The latency is a round trip: half of it each way. */
struct rp_profile
{
	const char* name;
	unsigned rtt_ms, kbit;
	double loss;
	const char* what;
};

/* One swept key and its values. */
struct rp_axis
{
	const struct rp_sweep_key* key;
	int n;
	double v[RP_MAX_VALUES];
	char label[RP_MAX_VALUES][32];
};

/* The file as lines; the keys set by a point written into their sections. */
struct rp_ini
{
	char** line;
	int n, cap;
};

/* One value a point gives a key. */
struct rp_setting
{
	const struct rp_sweep_key* key;
	double v;
	char label[32];
};

#define RP_SWEEP_MAX_POINTS 400
#define RP_SWEEP_MAX_SETS 8
#define RP_SWEEP_MAX_REPEAT 1000       /* run's --repeat */
#define RP_SWEEP_MAX_SEED 2000000000u  /* sweep's --seed */

/* A grid point: its scenario's name and its value on each axis. */
struct rp_sweep_point
{
	char name[64];
	int idx[2]; /* the value's index on each axis */
};

/* A sweep: the scenario, the axes, the fixed settings, the points, the runs a point. */
struct rp_sweep
{
	char scenario[1024]; /* the swept scenario's path */
	char base[64];       /* its name */
	int n_axes;
	struct rp_axis ax[2];
	int n_sets;
	struct rp_setting sets[RP_SWEEP_MAX_SETS];
	int n_points;
	struct rp_sweep_point pts[RP_SWEEP_MAX_POINTS];
	int repeat;
	bool have_seed;
	unsigned seed;
};

extern const struct rp_sweep_key rp_sweep_keys[];
extern const int RP_N_SWEEP_KEYS;
extern const struct rp_profile rp_profiles[];
extern const int RP_N_PROFILES;

/* The key of that name, or NULL. */
const struct rp_sweep_key* rp_sweep_key(const char* name);
/* A profile by its name ("3g" is "mobile"), or NULL. */
const struct rp_profile* rp_profile_by_name(const char* name);
/* "%", "ms", "kbit/s", or "" for a bare number or a name. */
const char* rp_unit_name(const struct rp_sweep_key* k);
/* KEY=FROM..TO/STEP, KEY=A,B,C (single: KEY=V) into ax; err says what is wrong with it: an
 * unknown key, an empty range, a step of 0, a value outside the key's range. */
bool rp_axis_parse(const char* spec, struct rp_axis* ax, bool single, struct rp_err* err);

bool rp_ini_load(const char* path, struct rp_ini* t, struct rp_err* err);
void rp_ini_free(struct rp_ini* t);
/* The value KEY has in [SECTION] ("" if unset), continuation lines joined. */
void rp_ini_get(const struct rp_ini* t, const char* section, const char* key, char* out, size_t n);
/* KEY = VALUE in [SECTION]: the line replaced (its continuations removed), else added after the
 * header, else the section added at the end. */
bool rp_ini_set(struct rp_ini* t, const char* section, const char* key, const char* value);
/* A point's settings written into a scenario's text (scn names it in errors). */
bool rp_sweep_apply(struct rp_ini* t, const char* scn, const struct rp_setting* s, int n,
                    struct rp_err* err);

/* The points of the axes, in order (the first axis outermost), named p001-KEY-VALUE[-KEY-VALUE].
 * The axes must make at most RP_SWEEP_MAX_POINTS points (rp_sweep_check_grid). */
void rp_sweep_points(struct rp_sweep* sw);
/* What the command line and sweep.json must both hold to: a name the scenario format allows,
 * at most RP_SWEEP_MAX_POINTS points, no key swept twice, swept and set, or set by a profile as
 * well. */
bool rp_sweep_check_grid(const struct rp_sweep* sw, struct rp_err* err);
/* sweep.json's grid part. */
json_object* rp_sweep_grid_json(const struct rp_sweep* sw);
/* The grid back from len bytes of a sweep.json that anyone may have written (merge, --report):
 * every field it reads is checked (the name as the scenario format allows it, each axis's key,
 * its values finite, in the key's range and at most RP_MAX_VALUES, each label the one the value
 * is written as, the points the axes make and no more than RP_SWEEP_MAX_POINTS, repeat, seed,
 * the fixed settings) before anything is stored; err names shown and the field. Fields it does
 * not read (the results, "means") are not looked at. */
bool rp_sweep_grid_parse(const char* shown, const char* text, size_t len, struct rp_sweep* sw,
                         struct rp_err* err);
/* The same from a file: a regular file of at most RP_SWEEP_JSON_MAX bytes, never a symlink. */
#define RP_SWEEP_JSON_MAX (4u << 20)
bool rp_sweep_grid_read(const char* path, struct rp_sweep* sw, struct rp_err* err);

/* Wilson's score interval for k of n at z (1.96: 95 %); false for n = 0. */
bool rp_wilson(int k, int n, double z, double* lo, double* hi);
/* The sample quantile q (0..1) of v[0..n-1] (sorted in place), by linear interpolation between
 * the closest ranks (R's type 7, numpy's default); -1 for n = 0. */
double rp_quantile(double* v, int n, double q);

#endif
