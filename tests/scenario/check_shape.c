/* check_shape.c: the engine's fate model: determinism, statistics, parsing, netem words. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "shape.h"

static struct rp_shape parse(const char* key, const char* value)
{
	struct rp_shape s;
	char why[256] = "";
	memset(&s, 0, sizeof(s));
	ck_assert_msg(rp_shape_parse(&s, key, value, why, sizeof(why)), "%s = %s: %s", key, value, why);
	return s;
}

START_TEST(test_same_seed_same_fates)
{
	struct rp_shape s = parse("loss", "30%");
	struct rp_shape_state a, b, c;
	int differ = 0;

	rp_shape_parse(&s, "delay", "10ms 5ms normal", (char[64]){ 0 }, 64);
	rp_shape_seed(&a, 42, 0);
	rp_shape_seed(&b, 42, 0);
	rp_shape_seed(&c, 43, 0);
	for (int i = 0; i < 10000; i++)
	{
		struct rp_fate fa, fb, fc;
		rp_shape_decide(&s, &a, 100, &fa);
		rp_shape_decide(&s, &b, 100, &fb);
		rp_shape_decide(&s, &c, 100, &fc);
		ck_assert_int_eq(fa.drop, fb.drop);
		ck_assert(fa.delay_ms == fb.delay_ms);
		differ += fa.drop != fc.drop;
	}
	ck_assert_int_gt(differ, 1000);
}
END_TEST

/* A setting that changes one fate must not shift the random stream of the others. */
START_TEST(test_draws_independent_of_settings)
{
	struct rp_shape lossy = parse("loss", "10%");
	struct rp_shape lossy_dup = parse("loss", "10%");
	struct rp_shape_state a, b;

	rp_shape_parse(&lossy_dup, "duplicate", "50%", (char[64]){ 0 }, 64);
	rp_shape_seed(&a, 7, 1);
	rp_shape_seed(&b, 7, 1);
	for (int i = 0; i < 5000; i++)
	{
		struct rp_fate fa, fb;
		rp_shape_decide(&lossy, &a, 60, &fa);
		rp_shape_decide(&lossy_dup, &b, 60, &fb);
		ck_assert_int_eq(fa.drop, fb.drop);
	}
}
END_TEST

START_TEST(test_loss_rate)
{
	struct rp_shape s = parse("loss", "5%");
	struct rp_shape_state st;
	int drops = 0;

	rp_shape_seed(&st, 1, 0);
	for (int i = 0; i < 100000; i++)
	{
		struct rp_fate f;
		rp_shape_decide(&s, &st, 100, &f);
		drops += f.drop;
	}
	ck_assert_int_ge(drops, 4700);
	ck_assert_int_le(drops, 5300);
}
END_TEST

START_TEST(test_gemodel_bursts)
{
	/* p 1%, r 10%, all lost in the bad state, none in the good: stationary loss
	 * p/(p+r) = 9.1%, in bursts of mean length 1/r = 10. */
	struct rp_shape s = parse("loss", "gemodel 1% 10% 100% 0%");
	struct rp_shape_state st;
	int drops = 0, bursts = 0;
	bool prev = false;

	rp_shape_seed(&st, 3, 0);
	for (int i = 0; i < 200000; i++)
	{
		struct rp_fate f;
		rp_shape_decide(&s, &st, 100, &f);
		drops += f.drop;
		bursts += f.drop && !prev;
		prev = f.drop;
	}
	ck_assert_double_eq_tol(drops / 200000.0, 1.0 / 11.0, 0.01);
	ck_assert_double_eq_tol((double)drops / bursts, 10.0, 1.0);
}
END_TEST

START_TEST(test_delay_distributions)
{
	const char* specs[] = { "50ms 10ms uniform", "50ms 10ms normal", "50ms 10ms pareto" };
	double want_sd[] = { 10 / sqrt(3.0), 10, 10 };

	for (int k = 0; k < 3; k++)
	{
		struct rp_shape s = parse("delay", specs[k]);
		struct rp_shape_state st;
		double sum = 0, sq = 0;
		int n = 100000;
		rp_shape_seed(&st, 5, 0);
		for (int i = 0; i < n; i++)
		{
			struct rp_fate f;
			rp_shape_decide(&s, &st, 100, &f);
			ck_assert(f.delay_ms >= 0);
			sum += f.delay_ms;
			sq += f.delay_ms * f.delay_ms;
		}
		double mean = sum / n, sd = sqrt(sq / n - mean * mean);
		ck_assert_msg(fabs(mean - 50) < 0.5, "%s: mean %f", specs[k], mean);
		ck_assert_msg(fabs(sd - want_sd[k]) < want_sd[k] * 0.05, "%s: sd %f", specs[k], sd);
	}
}
END_TEST

START_TEST(test_reorder_skips_delay)
{
	struct rp_shape s = parse("delay", "20ms");
	struct rp_shape_state st;
	int fast = 0;

	rp_shape_parse(&s, "reorder", "25%", (char[64]){ 0 }, 64);
	rp_shape_seed(&st, 9, 0);
	for (int i = 0; i < 20000; i++)
	{
		struct rp_fate f;
		rp_shape_decide(&s, &st, 100, &f);
		fast += f.delay_ms == 0;
	}
	ck_assert_double_eq_tol(fast / 20000.0, 0.25, 0.015);
}
END_TEST

START_TEST(test_parse_errors)
{
	struct rp_shape s;
	char why[256];
	struct
	{
		const char *key, *value, *want;
	} bad[] = {
		{ "loss", "5", "loss: bad percentage \"5\"" },
		{ "loss", "101%", "loss: bad percentage \"101%\"" },
		{ "loss", "gemodel 1% 2%", "loss: gemodel takes 4 percentages" },
		{ "loss", "gemodel 1% x 2% 3%", "loss: bad percentage \"x\"" },
		{ "delay", "fast", "delay: bad duration \"fast\"" },
		{ "delay", "10ms 2ms gaussian", "delay: what is \"gaussian\"?" },
		{ "delay", "10ms 2ms normal extra", "delay: what is \"extra\"?" },
		{ "reorder", "25", "reorder: bad percentage \"25\"" },
		{ "jitter", "1ms", "unknown link key \"jitter\"" },
		{ "rate", "2mb", "rate: bad rate \"2mb\"" },
		{ "rate", "0kbit", "rate: bad rate \"0kbit\"" },
		{ "rate", "-5kbit", "rate: bad rate \"-5kbit\"" },
		{ "rate", "nankbit", "rate: bad rate \"nankbit\"" },
		{ "rate", "16kbit 2", "rate: bad rate \"16kbit 2\"" },
		{ "rate", "0.5kbit", "rate: \"0.5kbit\" is out of range" },
		{ "rate", "200gbit", "rate: \"200gbit\" is out of range" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		memset(&s, 0, sizeof(s));
		why[0] = '\0';
		ck_assert_msg(!rp_shape_parse(&s, bad[i].key, bad[i].value, why, sizeof(why)), "%s = %s parsed",
		              bad[i].key, bad[i].value);
		ck_assert_msg(strncmp(why, bad[i].want, strlen(bad[i].want)) == 0, "got \"%s\" want \"%s\"",
		              why, bad[i].want);
	}
}
END_TEST

START_TEST(test_netem_and_engine_words)
{
	struct rp_shape s = parse("loss", "gemodel 1% 10% 70% 0.1%");
	char buf[256];
	const char* argv[12];
	char store[256];
	int n;

	rp_shape_parse(&s, "delay", "100ms 20ms normal", buf, sizeof(buf));
	rp_shape_parse(&s, "duplicate", "1%", buf, sizeof(buf));
	rp_shape_netem_args(&s, 42, true, buf, sizeof(buf));
	ck_assert_str_eq(buf, "loss gemodel 1% 10% 70% 0.1% delay 100ms 20ms distribution normal "
	                      "duplicate 1% seed 42");
	/* The engine's options parse back to the same model. */
	n = rp_shape_engine_args(&s, argv, store, sizeof(store));
	ck_assert_int_eq(n, 6);
	{
		struct rp_shape back;
		char why[128];
		memset(&back, 0, sizeof(back));
		for (int i = 0; i < n; i += 2)
			ck_assert_msg(rp_shape_parse(&back, argv[i] + 2, argv[i + 1], why, sizeof(why)), "%s", why);
		ck_assert(back.ge && fabs(back.ge_bad_loss - 0.7) < 1e-12 && fabs(back.ge_good_loss - 0.001) < 1e-12);
		ck_assert(back.delay_ms == 100 && back.jitter_ms == 20 && back.dist == RP_DIST_NORMAL);
		ck_assert(fabs(back.duplicate - 0.01) < 1e-12);
	}
	/* A rate, in every unit, and back through the engine's options. */
	ck_assert(parse("rate", "16kbit").rate_kbit == 16);
	ck_assert(parse("rate", "2.5mbit").rate_kbit == 2500);
	ck_assert(parse("rate", "1gbit").rate_kbit == 1000000);
	s = parse("rate", "64kbit");
	n = rp_shape_engine_args(&s, argv, store, sizeof(store));
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(argv[0], "--rate");
	ck_assert_str_eq(argv[1], "64kbit");
	{
		struct rp_shape back = parse("rate", argv[1]);
		ck_assert(back.rate_kbit == 64);
	}
	/* Uniform jitter is netem's default: no distribution word. */
	memset(&s, 0, sizeof(s));
	rp_shape_parse(&s, "delay", "50ms 5ms", buf, sizeof(buf));
	rp_shape_netem_args(&s, 0, false, buf, sizeof(buf));
	ck_assert_str_eq(buf, "delay 50ms 5ms");
}
END_TEST

int main(void)
{
	Suite* s = suite_create("shape");
	TCase* tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_same_seed_same_fates);
	tcase_add_test(tc, test_draws_independent_of_settings);
	tcase_add_test(tc, test_loss_rate);
	tcase_add_test(tc, test_gemodel_bursts);
	tcase_add_test(tc, test_delay_distributions);
	tcase_add_test(tc, test_reorder_skips_delay);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_netem_and_engine_words);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
