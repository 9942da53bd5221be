/* grid.h: what a sweep varies (the keys, their units and ranges, the named link profiles),
 * the scenario's text with a point's settings written into it, and the statistics of a
 * point's runs. Pure logic (rdpcore, unit-tested in tests/suite/check_grid.c); sweep.c runs
 * the points. */
#ifndef RDPREPRO_GRID_H
#define RDPREPRO_GRID_H

#include <stdbool.h>
#include <stddef.h>

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

/* Wilson's score interval for k of n at z (1.96: 95 %); false for n = 0. */
bool rp_wilson(int k, int n, double z, double* lo, double* hi);
/* The sample quantile q (0..1) of v[0..n-1] (sorted in place), by linear interpolation between
 * the closest ranks (R's type 7, numpy's default); -1 for n = 0. */
double rp_quantile(double* v, int n, double q);

#endif
