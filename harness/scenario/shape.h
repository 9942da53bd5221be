/* shape.h: the packet-fate model of rdprepro's userspace link engine, netem's semantics.
 *
 * One direction of one link: random or bursty (Gilbert-Elliott) loss, delay with jitter
 * from a distribution, reordering, duplication, corruption. Every packet draws the same
 * number of random numbers from a PRNG seeded by the scenario, whatever the settings, so
 * the fate of the n-th packet depends on the seed and n alone: the same seed drops the
 * same packets. The PRNG is the C library's erand48 with a private state. */
#ifndef RDPREPRO_SHAPE_H
#define RDPREPRO_SHAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum rp_dist
{
	RP_DIST_UNIFORM = 0, /* netem's default: jitter uniform in [-j, +j] */
	RP_DIST_NORMAL,      /* N(0, j) */
	RP_DIST_PARETO,      /* heavy tail: Pareto(alpha 3) centred and scaled to sd j */
	RP_DIST_PARETONORMAL /* netem's mix: 1/4 normal + 3/4 pareto */
};

struct rp_shape
{
	double loss; /* 0..1: each packet lost independently */
	/* Gilbert-Elliott (netem "loss gemodel p r 1-h 1-k"): p good->bad, r bad->good,
	 * loss probability 1-h in the bad state and 1-k in the good state. */
	bool ge;
	double ge_p, ge_r, ge_bad_loss, ge_good_loss;
	double delay_ms;
	double jitter_ms;
	enum rp_dist dist;
	double reorder;   /* 0..1: sent at once, overtaking delayed packets (netem reorder) */
	double duplicate; /* 0..1 */
	double corrupt;   /* 0..1: one bit flipped at a random offset */
	/* netem's "rate": the link sends rate_kbit kbit/s, each packet taking its length over
	 * the rate to leave after the one before it (a serial link; no token bucket's burst).
	 * 0: unlimited. State of the engine, not of a packet's fate. */
	double rate_kbit;
};

struct rp_shape_state
{
	unsigned short xsubi[3];
	bool ge_bad;
	uint64_t n; /* packets decided */
};

struct rp_fate
{
	bool drop;
	bool duplicate;
	bool corrupt;
	size_t corrupt_bit; /* which bit of the packet to flip */
	double delay_ms;
};

/* A fresh state for one direction: direction 0 and 1 get different streams. */
void rp_shape_seed(struct rp_shape_state* st, uint32_t seed, int direction);
bool rp_shape_is_noop(const struct rp_shape* s);
bool rp_shape_needs_engine(const struct rp_shape* s);
void rp_shape_decide(const struct rp_shape* s, struct rp_shape_state* st, size_t len,
                     struct rp_fate* f);

/* Parses the scenario's words for one key into `s` ("5%", "gemodel 1% 10% 70% 0.1%",
 * "100ms 20ms normal"); on error writes a reason quoting the bad word into `why`. */
bool rp_shape_parse(struct rp_shape* s, const char* key, const char* value, char* why, size_t n);

/* The same settings as `rdprepro shaper` options: pairs of argv entries written into
 * argv (at most 10 entries), strings kept in buf. Returns the number of entries. */
int rp_shape_engine_args(const struct rp_shape* s, const char** argv, char* buf, size_t n);

/* netem's default queue limit, in packets: the engine holds no more, and drops at the tail. */
#define RP_NETEM_LIMIT 1000
/* What netem's rate counts beyond the IP packet: the Ethernet header. */
#define RP_ETH_HLEN 14

/* The link options of `rdprepro shaper` and `rdprepro linkcheck` (getopt_long rows), with
 * the scenario key each one sets: --loss, --delay, --reorder, --duplicate, --corrupt, --rate. */
#define RP_SHAPE_LONG_OPTIONS                                                                     \
	{ "loss", required_argument, NULL, 'L' }, { "delay", required_argument, NULL, 'D' },          \
	    { "reorder", required_argument, NULL, 'R' },                                              \
	    { "duplicate", required_argument, NULL, 'U' }, { "corrupt", required_argument, NULL, 'C' }, \
	    { "rate", required_argument, NULL, 'T' }
/* The scenario key of one of those option codes, or NULL for any other code. */
const char* rp_shape_option_key(int code);

/* The same settings as netem words, for the netem backend ("loss 5% delay 100ms 20ms ..."). */
void rp_shape_netem_args(const struct rp_shape* s, uint32_t seed, bool with_seed, char* buf,
                         size_t n);

#endif
