/* shape.c: the packet-fate model and its parsing. */
#include "shape.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void rp_shape_seed(struct rp_shape_state* st, uint32_t seed, int direction)
{
	memset(st, 0, sizeof(*st));
	/* erand48's 48-bit state from the seed and the direction (0x330E as seed48 does). */
	st->xsubi[0] = 0x330E ^ (unsigned short)(direction * 0x9E37);
	st->xsubi[1] = (unsigned short)(seed & 0xffff);
	st->xsubi[2] = (unsigned short)(seed >> 16);
}

bool rp_shape_needs_engine(const struct rp_shape* s)
{
	return s->loss > 0 || s->ge || s->delay_ms > 0 || s->jitter_ms > 0 || s->reorder > 0 ||
	       s->duplicate > 0 || s->corrupt > 0 || s->rate_kbit > 0;
}

bool rp_shape_is_noop(const struct rp_shape* s)
{
	return !rp_shape_needs_engine(s);
}

static double jitter_sample(enum rp_dist d, double u1, double u2)
{
	/* Box-Muller: a standard normal from two uniforms (u1 in (0,1]). */
	double normal = sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
	/* Pareto with alpha 3 and scale 1: mean 1.5, sd sqrt(3)/2; centred and scaled to sd 1. */
	double pareto = (pow(u1, -1.0 / 3.0) - 1.5) / 0.8660254037844386;

	switch (d)
	{
		case RP_DIST_UNIFORM:
			return 2.0 * u2 - 1.0;
		case RP_DIST_NORMAL:
			return normal;
		case RP_DIST_PARETO:
			return pareto;
		case RP_DIST_PARETONORMAL:
			return 0.25 * normal + 0.75 * pareto;
	}
	return 0;
}

void rp_shape_decide(const struct rp_shape* s, struct rp_shape_state* st, size_t len,
                     struct rp_fate* f)
{
	/* Always eight draws, in this order, whatever the settings. */
	double u_state = erand48(st->xsubi);
	double u_loss = erand48(st->xsubi);
	double u_dup = erand48(st->xsubi);
	double u_corrupt = erand48(st->xsubi);
	double u_bit = erand48(st->xsubi);
	double u_reorder = erand48(st->xsubi);
	double u_j1 = 1.0 - erand48(st->xsubi); /* (0, 1] for the logarithm */
	double u_j2 = erand48(st->xsubi);

	memset(f, 0, sizeof(*f));
	st->n++;
	if (s->ge)
	{
		/* The chain moves first, then the packet is lost with the state's probability. */
		if (st->ge_bad)
			st->ge_bad = !(u_state < s->ge_r);
		else
			st->ge_bad = u_state < s->ge_p;
		f->drop = u_loss < (st->ge_bad ? s->ge_bad_loss : s->ge_good_loss);
	}
	else
		f->drop = u_loss < s->loss;
	f->duplicate = !f->drop && u_dup < s->duplicate;
	f->corrupt = !f->drop && u_corrupt < s->corrupt;
	f->corrupt_bit = len ? (size_t)(u_bit * (double)(len * 8)) % (len * 8) : 0;
	if (u_reorder < s->reorder)
		f->delay_ms = 0;
	else
	{
		f->delay_ms = s->delay_ms;
		if (s->jitter_ms > 0)
			f->delay_ms += s->jitter_ms * jitter_sample(s->dist, u_j1, u_j2);
		if (f->delay_ms < 0)
			f->delay_ms = 0;
	}
}

/* ---- parsing ---- */

static bool parse_percent(const char* w, double* out)
{
	char* end;
	double v;

	errno = 0;
	v = strtod(w, &end);
	if (errno || end == w || strcmp(end, "%") != 0 || !(v >= 0 && v <= 100))
		return false;
	*out = v / 100.0;
	return true;
}

static bool parse_ms(const char* w, double* out)
{
	uint32_t ms;
	char* end;
	double v;

	/* Fractions of a millisecond are allowed here: "0.5ms". */
	errno = 0;
	v = strtod(w, &end);
	if (!errno && end != w && strcmp(end, "ms") == 0 && v >= 0 && v <= 60000)
	{
		*out = v;
		return true;
	}
	if (!rp_parse_duration_ms(w, &ms) || ms > 60000)
		return false;
	*out = ms;
	return true;
}

bool rp_shape_parse(struct rp_shape* s, const char* key, const char* value, char* why, size_t n)
{
	char buf[256];
	char* words[8];
	int nw = 0;
	char* save = NULL;

	rp_strlcpy(buf, value, sizeof(buf));
	for (char* t = strtok_r(buf, " \t", &save); t && nw < 8; t = strtok_r(NULL, " \t", &save))
		words[nw++] = t;
	if (nw == 0)
		return snprintf(why, n, "%s: no value", key), false;
	if (strcmp(key, "loss") == 0)
	{
		if (strcmp(words[0], "gemodel") == 0)
		{
			double* dst[4] = { &s->ge_p, &s->ge_r, &s->ge_bad_loss, &s->ge_good_loss };
			if (nw != 5)
				return snprintf(why, n, "loss: gemodel takes 4 percentages (p r 1-h 1-k)"), false;
			for (int i = 0; i < 4; i++)
				if (!parse_percent(words[i + 1], dst[i]))
					return snprintf(why, n, "loss: bad percentage \"%s\"", words[i + 1]), false;
			s->ge = true;
			return true;
		}
		if (nw != 1 || !parse_percent(words[0], &s->loss))
			return snprintf(why, n, "loss: bad percentage \"%s\" (e.g. 5%%, or gemodel p r 1-h 1-k)",
			                words[nw != 1 ? 1 : 0]),
			       false;
		return true;
	}
	if (strcmp(key, "rate") == 0)
	{
		/* A serial link (netem's rate): 512kbit, 2mbit, 1gbit. */
		double v;
		char* unit;
		errno = 0;
		v = strtod(words[0], &unit);
		if (nw != 1 || errno || unit == words[0] || !(v > 0) ||
		    (strcmp(unit, "kbit") != 0 && strcmp(unit, "mbit") != 0 && strcmp(unit, "gbit") != 0))
			return snprintf(why, n, "rate: bad rate \"%s\" (e.g. 512kbit, 2mbit)", value), false;
		v *= unit[0] == 'k' ? 1 : unit[0] == 'm' ? 1000 : 1000000;
		if (!(v >= 1 && v <= 100000000))
			return snprintf(why, n, "rate: \"%s\" is out of range (1kbit to 100gbit)", value), false;
		s->rate_kbit = v;
		return true;
	}
	if (strcmp(key, "delay") == 0)
	{
		static const char* const dists[] = { "uniform", "normal", "pareto", "paretonormal" };
		if (!parse_ms(words[0], &s->delay_ms))
			return snprintf(why, n, "delay: bad duration \"%s\"", words[0]), false;
		if (nw >= 2 && !parse_ms(words[1], &s->jitter_ms))
			return snprintf(why, n, "delay: bad jitter \"%s\"", words[1]), false;
		if (nw >= 3)
		{
			int d = -1;
			for (int i = 0; i < 4; i++)
				if (strcmp(words[2], dists[i]) == 0)
					d = i;
			if (d < 0)
				return snprintf(why, n, "delay: what is \"%s\"? (uniform, normal, pareto, "
				                        "paretonormal)",
				                words[2]),
				       false;
			s->dist = (enum rp_dist)d;
		}
		if (nw > 3)
			return snprintf(why, n, "delay: what is \"%s\"?", words[3]), false;
		return true;
	}
	{
		double* dst = strcmp(key, "reorder") == 0     ? &s->reorder
		              : strcmp(key, "duplicate") == 0 ? &s->duplicate
		              : strcmp(key, "corrupt") == 0   ? &s->corrupt
		                                              : NULL;
		if (!dst)
			return snprintf(why, n, "unknown link key \"%s\"", key), false;
		if (nw != 1 || !parse_percent(words[0], dst))
			return snprintf(why, n, "%s: bad percentage \"%s\"", key, words[nw != 1 ? 1 : 0]), false;
		return true;
	}
}

void rp_shape_netem_args(const struct rp_shape* s, uint32_t seed, bool with_seed, char* buf,
                         size_t n)
{
	static const char* const dists[] = { "uniform", "normal", "pareto", "paretonormal" };
	size_t len = 0;

#define ADD(...) len += (size_t)snprintf(buf + len, len < n ? n - len : 0, __VA_ARGS__)
	buf[0] = '\0';
	if (s->ge)
		ADD("loss gemodel %g%% %g%% %g%% %g%% ", s->ge_p * 100, s->ge_r * 100,
		    s->ge_bad_loss * 100, s->ge_good_loss * 100);
	else if (s->loss > 0)
		ADD("loss %g%% ", s->loss * 100);
	if (s->delay_ms > 0 || s->jitter_ms > 0)
	{
		ADD("delay %gms ", s->delay_ms);
		if (s->jitter_ms > 0)
		{
			ADD("%gms ", s->jitter_ms);
			/* netem's jitter without a table is uniform: name a table only otherwise. */
			if (s->dist != RP_DIST_UNIFORM)
				ADD("distribution %s ", dists[s->dist]);
		}
	}
	if (s->reorder > 0)
		ADD("reorder %g%% ", s->reorder * 100);
	if (s->duplicate > 0)
		ADD("duplicate %g%% ", s->duplicate * 100);
	if (s->corrupt > 0)
		ADD("corrupt %g%% ", s->corrupt * 100);
	if (s->rate_kbit > 0)
		ADD("rate %gkbit ", s->rate_kbit);
	if (with_seed)
		ADD("seed %u ", seed);
#undef ADD
	if (len > 0 && len < n)
		buf[len - 1] = '\0';
}

int rp_shape_engine_args(const struct rp_shape* s, const char** argv, char* buf, size_t n)
{
	static const char* const dists[] = { "uniform", "normal", "pareto", "paretonormal" };
	int k = 0;
	size_t used = 0;

#define ARG(opt, ...)                                                                             \
	do                                                                                            \
	{                                                                                             \
		int w = snprintf(buf + used, n - used, __VA_ARGS__);                                      \
		if (w < 0 || (size_t)w >= n - used)                                                       \
			return k;                                                                             \
		argv[k++] = opt;                                                                          \
		argv[k++] = buf + used;                                                                   \
		used += (size_t)w + 1;                                                                    \
	} while (0)
	if (s->ge)
		ARG("--loss", "gemodel %.6g%% %.6g%% %.6g%% %.6g%%", s->ge_p * 100, s->ge_r * 100,
		    s->ge_bad_loss * 100, s->ge_good_loss * 100);
	else if (s->loss > 0)
		ARG("--loss", "%.6g%%", s->loss * 100);
	if (s->delay_ms > 0 || s->jitter_ms > 0)
		ARG("--delay", "%.6gms %.6gms %s", s->delay_ms, s->jitter_ms, dists[s->dist]);
	if (s->reorder > 0)
		ARG("--reorder", "%.6g%%", s->reorder * 100);
	if (s->duplicate > 0)
		ARG("--duplicate", "%.6g%%", s->duplicate * 100);
	if (s->corrupt > 0)
		ARG("--corrupt", "%.6g%%", s->corrupt * 100);
	if (s->rate_kbit > 0)
		ARG("--rate", "%.6gkbit", s->rate_kbit);
#undef ARG
	return k;
}

const char* rp_shape_option_key(int code)
{
	switch (code)
	{
		case 'L':
			return "loss";
		case 'D':
			return "delay";
		case 'R':
			return "reorder";
		case 'U':
			return "duplicate";
		case 'C':
			return "corrupt";
		case 'T':
			return "rate";
		default:
			return NULL;
	}
}
