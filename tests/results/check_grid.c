/* check_grid.c: what `rdprepro sweep` varies: the KEY=FROM..TO/STEP grammar and its errors, a
 * point's settings written into a scenario's text (and parsed back by the scenario parser to
 * the values meant), the profiles, Wilson's interval and the quantiles; and the readers of what
 * merge and `sweep --report` take from other machines: sweep.json and result.json checked field
 * by field (each refusal naming the field), a tree walked through descriptors (a symlink, a
 * FIFO, a hard link refused without opening them). */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_util.h"
#include "artifact.h"
#include "files.h"
#include "grid.h"
#include "resultjson.h"
#include "scenario.h"

START_TEST(test_ranges)
{
	struct rp_axis ax;
	struct rp_err err = { "" };

	ck_assert_msg(rp_axis_parse("loss=0..40/5", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 9);
	ck_assert_double_eq(ax.v[8], 40);
	ck_assert_str_eq(ax.label[1], "5%");
	/* Units on each bound; the last value kept despite the float step. */
	ck_assert_msg(rp_axis_parse("delay=0..3s/250ms", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 13);
	ck_assert_double_eq(ax.v[12], 3000);
	ck_assert_str_eq(ax.label[12], "3s");
	ck_assert_str_eq(ax.label[1], "250ms");
	ck_assert_msg(rp_axis_parse("loss=0.1%..0.3%/0.1", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 3);
	ck_assert_msg(rp_axis_parse("rate=64kbit,2mbit", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 2);
	ck_assert_double_eq(ax.v[1], 2000);
	ck_assert_msg(rp_axis_parse("profile=remotefx-wan", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 4);
	ck_assert_str_eq(ax.label[3], "mobile");
	ck_assert_msg(rp_axis_parse("mtu=1400", &ax, true, &err), "%s", err.msg);
}
END_TEST

/* Each bad spec fails, and the message says what is wrong. */
START_TEST(test_range_errors)
{
	static const struct
	{
		const char* spec;
		const char* says;
	} bad[] = {
		{ "los=1..2/1", "unknown key \"los\"" }, { "loss=10..2/1", "empty range" },
		{ "loss=1..2/0", "step must be more than 0" }, { "loss=1..2", "needs its step" },
		{ "loss=", "no value" }, { "loss", "KEY=" }, { "=5", "KEY=" },
		{ "loss=120", "outside" }, { "mtu=100..200/50", "outside" }, { "delay=fast", "not a value" },
		{ "profile=moon", "unknown profile" }, { "mtu=1400.5", "not a value" },
		{ "loss=0..1000/0.001", "more than" }, { "rate=0..10/5", "outside" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		struct rp_axis ax;
		struct rp_err err = { "" };
		ck_assert_msg(!rp_axis_parse(bad[i].spec, &ax, false, &err), "%s was taken", bad[i].spec);
		ck_assert_msg(strstr(err.msg, bad[i].says), "%s: \"%s\" does not say \"%s\"", bad[i].spec,
		              err.msg, bad[i].says);
	}
	{
		struct rp_axis ax;
		struct rp_err err = { "" };
		ck_assert(!rp_axis_parse("loss=1..3/1", &ax, true, &err));
		ck_assert(!rp_axis_parse("loss=1,2", &ax, true, &err));
	}
}
END_TEST

static const char* base_scn =
	"# a comment\n"
	"[scenario]\nsummary = a scenario\n  continued\n\n"
	"[client]\nargs = /sec:nla /timeout:3000 /cert:ignore\ndeadline = 20s\n\n"
	"[link]\ndelay = 100ms 20ms normal\n\n"
	"[expect]\nverdict = connected\n";

/* Writes text to a temp file, applies the settings, writes the result, parses it. */
static void applied(const char* text, const struct rp_setting* s, int n, struct rp_scenario* sc)
{
	char in[] = "/tmp/check-grid-XXXXXX", out[64];
	struct rp_ini t;
	struct rp_err err = { "" };
	int fd = mkstemp(in);
	FILE* f;

	ck_assert(fd >= 0);
	ck_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	ck_assert_msg(rp_ini_load(in, &t, &err), "%s", err.msg);
	ck_assert_msg(rp_sweep_apply(&t, in, s, n, &err), "%s", err.msg);
	snprintf(out, sizeof(out), "/tmp/check-grid-%ld.scn", (long)getpid());
	f = fopen(out, "w");
	ck_assert(f);
	for (int i = 0; i < t.n; i++)
		fprintf(f, "%s\n", t.line[i]);
	fclose(f);
	rp_ini_free(&t);
	ck_assert_msg(rp_scenario_load(sc, out, &err), "%s", err.msg);
	unlink(in);
	unlink(out);
}

static struct rp_setting setting(const char* spec)
{
	struct rp_axis ax;
	struct rp_err err = { "" };
	struct rp_setting s;
	ck_assert_msg(rp_axis_parse(spec, &ax, true, &err), "%s", err.msg);
	s.key = ax.key;
	s.v = ax.v[0];
	strcpy(s.label, ax.label[0]);
	return s;
}

START_TEST(test_apply)
{
	struct rp_scenario sc;
	struct rp_setting s[3];

	/* The delay replaced, its jitter and distribution kept; a key added to its section. */
	s[0] = setting("delay=250ms");
	s[1] = setting("loss=7%");
	applied(base_scn, s, 2, &sc);
	ck_assert_double_eq_tol(sc.link[0].delay_ms, 250, 1e-9);
	ck_assert_double_eq_tol(sc.link[0].jitter_ms, 20, 1e-9);
	ck_assert_double_eq_tol(sc.link[0].loss, 0.07, 1e-9);
	ck_assert_str_eq(sc.summary, "a scenario continued");
	/* /timeout: replaced, not added twice; a section that was not there added. */
	s[0] = setting("timeout=5s");
	s[1] = setting("nat-timeout=3s");
	s[2] = setting("deadline=45s");
	applied(base_scn, s, 3, &sc);
	ck_assert_ptr_nonnull(strstr(sc.client_args, "/timeout:5000"));
	ck_assert_ptr_null(strstr(sc.client_args, "/timeout:3000"));
	ck_assert_uint_eq(sc.nat_timeout_ms, 3000);
	ck_assert_uint_eq(sc.deadline_ms, 45000);
	/* A profile: half its round trip each way, its rate and loss. */
	s[0] = setting("profile=branch-office");
	applied(base_scn, s, 1, &sc);
	ck_assert_double_eq_tol(sc.link[0].delay_ms, 50, 1e-9);
	ck_assert_double_eq_tol(sc.link[0].rate_kbit, 256, 1e-9);
	ck_assert_double_eq_tol(sc.link[0].loss, 0.005, 1e-9);
	/* A jitter alone on a scenario without a delay. */
	s[0] = setting("jitter=30ms");
	applied("[scenario]\nsummary = x\n[expect]\nverdict = connected\n", s, 1, &sc);
	ck_assert_double_eq_tol(sc.link[0].jitter_ms, 30, 1e-9);
}
END_TEST

START_TEST(test_apply_refuses)
{
	char in[] = "/tmp/check-grid-XXXXXX";
	const char* text = "[scenario]\nsummary = x\n[link to-server]\nloss = 5%\n[expect]\n"
	                   "verdict = connected\n";
	struct rp_ini t;
	struct rp_err err = { "" };
	struct rp_setting s = setting("loss=10");
	int fd = mkstemp(in);

	ck_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	ck_assert(rp_ini_load(in, &t, &err));
	ck_assert(!rp_sweep_apply(&t, in, &s, 1, &err));
	ck_assert_msg(strstr(err.msg, ":4: loss is set in [link to-server]"), "%s", err.msg);
	s = setting("pause=2s");
	ck_assert(!rp_sweep_apply(&t, in, &s, 1, &err));
	ck_assert_msg(strstr(err.msg, "pause-at"), "%s", err.msg);
	rp_ini_free(&t);
	unlink(in);
}
END_TEST

START_TEST(test_wilson)
{
	double lo, hi;

	/* Reference values (Wilson 1927; e.g. R's prop.test(correct = FALSE) / binom.wilson). */
	ck_assert(rp_wilson(0, 10, 1.96, &lo, &hi));
	ck_assert_double_eq_tol(lo, 0, 1e-9);
	ck_assert_double_eq_tol(hi, 0.2775, 1e-4);
	ck_assert(rp_wilson(5, 10, 1.96, &lo, &hi));
	ck_assert_double_eq_tol(lo, 0.2366, 1e-4);
	ck_assert_double_eq_tol(hi, 0.7634, 1e-4);
	ck_assert(rp_wilson(10, 10, 1.96, &lo, &hi));
	ck_assert_double_eq_tol(lo, 0.7225, 1e-4);
	ck_assert_double_eq_tol(hi, 1, 1e-9);
	ck_assert(rp_wilson(1, 3, 1.96, &lo, &hi));
	ck_assert_double_eq_tol(lo, 0.0615, 1e-4);
	ck_assert_double_eq_tol(hi, 0.7923, 1e-4);
	ck_assert(!rp_wilson(0, 0, 1.96, &lo, &hi));
	ck_assert(!rp_wilson(4, 3, 1.96, &lo, &hi));
}
END_TEST

START_TEST(test_quantile)
{
	double v[] = { 9, 1, 5, 3, 7 };
	double w[] = { 4 };

	ck_assert_double_eq_tol(rp_quantile(v, 5, 0.5), 5, 1e-9);
	ck_assert_double_eq_tol(rp_quantile(v, 5, 0.9), 8.2, 1e-9); /* numpy.quantile: 8.2 */
	ck_assert_double_eq_tol(rp_quantile(v, 4, 0.5), 4, 1e-9);   /* 1 3 5 7 after the sort */
	ck_assert_double_eq_tol(rp_quantile(w, 1, 0.9), 4, 1e-9);
	ck_assert_double_eq(rp_quantile(w, 0, 0.5), -1);
}
END_TEST

/* A two-key sweep with a fixed setting, as the command line makes it. */
static void make_sweep(struct rp_sweep* sw)
{
	struct rp_axis set;
	struct rp_err err = { "" };

	memset(sw, 0, sizeof(*sw));
	rp_strlcpy(sw->scenario, "scenarios/baseline.scn", sizeof(sw->scenario));
	rp_strlcpy(sw->base, "baseline", sizeof(sw->base));
	sw->repeat = 3;
	sw->have_seed = true;
	sw->seed = 7;
	ck_assert_msg(rp_axis_parse("loss=0.1%..0.3%/0.1", &sw->ax[0], false, &err), "%s", err.msg);
	ck_assert_msg(rp_axis_parse("delay=250ms,1.5s", &sw->ax[1], false, &err), "%s", err.msg);
	ck_assert_msg(rp_axis_parse("deadline=60s", &set, true, &err), "%s", err.msg);
	sw->n_axes = 2;
	sw->sets[0].key = set.key;
	sw->sets[0].v = set.v[0];
	rp_strlcpy(sw->sets[0].label, set.label[0], sizeof(set.label[0]));
	sw->n_sets = 1;
	ck_assert_msg(rp_sweep_check_grid(sw, &err), "%s", err.msg);
	rp_sweep_points(sw);
}

/* What the grid writes, the grid reads: the same struct, from text not NUL-terminated. */
START_TEST(test_grid_round_trip)
{
	struct rp_sweep* sw = malloc(sizeof(*sw));
	struct rp_sweep* back = malloc(sizeof(*back));
	struct rp_err err = { "" };
	json_object* j;
	char* text;
	size_t len;

	make_sweep(sw);
	ck_assert_int_eq(sw->n_points, 6);
	ck_assert_str_eq(sw->pts[5].name, "p006-loss-0p3pct-delay1p5s");
	j = rp_sweep_grid_json(sw);
	len = strlen(json_object_to_json_string(j));
	text = malloc(len + 8);
	memcpy(text, json_object_to_json_string(j), len);
	memcpy(text + len, "GARBAGE", 7); /* after the length given: never read */
	ck_assert_msg(rp_sweep_grid_parse("x/sweep.json", text, len, back, &err), "%s", err.msg);
	ck_assert_int_eq(memcmp(sw, back, sizeof(*sw)), 0);
	/* The same bytes with what follows them: refused. */
	ck_assert(!rp_sweep_grid_parse("x/sweep.json", text, len + 7, back, &err));
	ck_assert_msg(strstr(err.msg, "x/sweep.json: not") != NULL, "%s", err.msg);
	json_object_put(j);
	free(text);
	free(sw);
	free(back);
}
END_TEST

/* One field made hostile at a time: refused, and the message names the file and the field. */
START_TEST(test_grid_refusals)
{
	static const struct
	{
		const char* path; /* a member of the grid's object, "" for the whole */
		const char* json; /* its new value */
		const char* says;
	} bad[] = {
		{ "name", "\"x\\\";system \\\"id>F\\\";set title \\\"\"", "name: not a scenario's name" },
		{ "name", "\"Baseline\"", "name: not a scenario's name" },
		{ "name", "5", "name: not a string" },
		{ "repeat", "0", "repeat: 0 is outside 1..1000" },
		{ "repeat", "1e999", "repeat: not an integer" },
		{ "seed", "-1", "seed: -1 is outside" },
		{ "record", "\"rdprepro-sweep/2\"", "not a sweep's record" },
		{ "axes", "[]", "axes: 0 axes" },
		{ "axes", "[{\"key\":\"los\",\"values\":[1],\"labels\":[\"1%\"]}]", "axes[0].key" },
		{ "axes", "[{\"key\":\"loss\",\"values\":[1,2],\"labels\":[\"1%\"]}]", "as many labels" },
		{ "axes", "[{\"key\":\"loss\",\"values\":[30],\"labels\":[\"30.0%\"]}]", "is not a value of loss" },
		{ "axes", "[{\"key\":\"loss\",\"values\":[130],\"labels\":[\"130%\"]}]", "is not a value of loss" },
		{ "axes", "[{\"key\":\"loss\",\"values\":[NaN],\"labels\":[\"nan%\"]}]", "is not a value of loss" },
		{ "axes", "[{\"key\":\"mtu\",\"values\":[1400.5],\"labels\":[\"1400.5\"]}]", "not a value of mtu" },
		{ "axes", "[{\"key\":\"profile\",\"values\":[4],\"labels\":[\"mobile\"]}]", "not a value of profile" },
		{ "axes", "[{\"key\":\"loss\",\"values\":\"30\",\"labels\":[\"30%\"]}]", "axes[0].values: not an array" },
		{ "set", "[\"loss=5%\",\"loss=6%\"]", "loss and loss both set" },
		{ "set", "[\"deadline=60000ms\"]", "set[0]: not KEY=VALUE" },
		{ "set", "[\"profile=remotefx-wan\"]", "set[0]: profile: one value" },
		{ "points", "[\"p001\"]", "points: 1 points, the axes make 6" },
		{ "scenario", "\"a\\u001b]0;x\\u0007\"", "scenario: not a path" },
	};
	struct rp_sweep* sw = malloc(sizeof(*sw));
	struct rp_sweep* back = malloc(sizeof(*back));

	make_sweep(sw);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		struct rp_err err = { "" };
		json_object* j = rp_sweep_grid_json(sw);
		char* text;
		/* The value spliced in as text: some of them (NaN, 1e999) json-c would not write. */
		json_object_object_add(j, bad[i].path, json_object_new_string("@@"));
		text = strdup(json_object_to_json_string(j));
		{
			char* at = strstr(text, "\"@@\"");
			char* t2;
			ck_assert(at != NULL);
			*at = '\0';
			ck_assert(asprintf(&t2, "%s%s%s", text, bad[i].json, at + 4) > 0);
			free(text);
			text = t2;
		}
		ck_assert_msg(!rp_sweep_grid_parse("s1/sweep.json", text, strlen(text), back, &err),
		              "%s = %s accepted", bad[i].path, bad[i].json);
		ck_assert_msg(strncmp(err.msg, "s1/sweep.json: ", 15) == 0 && strstr(err.msg, bad[i].says),
		              "%s = %s: \"%s\", not \"%s\"", bad[i].path, bad[i].json, err.msg, bad[i].says);
		free(text);
		json_object_put(j);
	}
	free(sw);
	free(back);
}
END_TEST

/* Two axes of 64 values: 4096 points where the grid holds 400, refused before any is made. */
START_TEST(test_grid_too_many_points)
{
	struct rp_sweep* sw = malloc(sizeof(*sw));
	struct rp_err err = { "" };
	char *text = NULL, *vals = NULL, *labels = NULL;
	size_t n1 = 0, n2 = 0;
	FILE* v = open_memstream(&vals, &n1);
	FILE* l = open_memstream(&labels, &n2);

	for (int i = 0; i < 64; i++)
	{
		fprintf(v, "%s%d", i ? "," : "", i);
		fprintf(l, "%s\"%dms\"", i ? "," : "", i);
	}
	fclose(v);
	fclose(l);
	ck_assert(asprintf(&text, "{\"record\":\"rdprepro-sweep/1\",\"name\":\"b\",\"repeat\":1,"
	                          "\"axes\":[{\"key\":\"delay\",\"values\":[%s],\"labels\":[%s]},"
	                          "{\"key\":\"jitter\",\"values\":[%s],\"labels\":[%s]}],"
	                          "\"points\":[]}",
	                   vals, labels, vals, labels) > 0);
	ck_assert(!rp_sweep_grid_parse("big/sweep.json", text, strlen(text), sw, &err));
	ck_assert_str_eq(err.msg, "big/sweep.json: axes: 4096 points: at most 400");
	free(text);
	free(vals);
	free(labels);
	free(sw);
}
END_TEST

static const char good_result[] =
	"{\"record\":\"rdprepro-result/1\",\"scenario\":\"baseline\",\"path\":\"scenarios/baseline.scn\","
	"\"run\":2,\"status\":\"FAIL\",\"reason\":\"verdict packet-loss, expected connected\","
	"\"expected\":\"connected\",\"verdict\":\"packet-loss\",\"because\":\"13 retransmissions\","
	"\"confidence\":\"medium\",\"candidates\":\"high-latency tunnel-drop\",\"ruled_out\":\"\","
	"\"accepted\":\"\",\"seed\":8,\"link\":\"loss 30% (engine)\",\"wall_ms\":9876.5,"
	"\"evidence\":{\"record\":\"rdprepro-evidence/1\"}}";

START_TEST(test_result_strict)
{
	struct rp_outcome o;
	struct rp_err err = { "" };

	ck_assert_msg(rp_result_parse_strict("r.json", good_result, strlen(good_result), &o, &err),
	              "%s", err.msg);
	ck_assert_str_eq(o.scenario, "baseline");
	ck_assert_int_eq(o.run, 2);
	ck_assert_int_eq(o.status, RP_FAIL);
	ck_assert_str_eq(o.verdict, "packet-loss");
	ck_assert_str_eq(o.candidates, "high-latency tunnel-drop");
	ck_assert_int_eq(o.seed, 8);
	ck_assert_double_eq(o.wall_ms, 9876.5);
	ck_assert(o.report == NULL && o.dir == NULL);
}
END_TEST

/* One field made hostile at a time, spliced into the good record. */
START_TEST(test_result_refusals)
{
	static const struct
	{
		const char* from;
		const char* to;
		const char* says;
	} bad[] = {
		{ "\"baseline\"", "\"../etc\"", "scenario: \"..\\/etc\" is not a scenario's name" },
		{ "\"baseline\"", "\"base\\u0000line\"", "scenario: more than 63 bytes, or a NUL byte" },
		{ "\"run\":2", "\"run\":0", "run: 0 is outside 1..1000" },
		{ "\"run\":2", "\"run\":\"2\"", "run: not an integer" },
		{ "\"FAIL\"", "\"WIN\"", "status: \"WIN\" is not PASS, FAIL, SKIP or ERROR" },
		{ "\"verdict\":\"packet-loss\"", "\"verdict\":\"x';system 'id\"", "verdict: " },
		{ "\"verdict\":\"packet-loss\"", "\"verdict\":[]", "verdict: not a string" },
		{ "\"expected\":\"connected\"", "\"expected\":\"invalid\"", "expected: \"invalid\" is not a cause" },
		{ "\"medium\"", "\"sure\"", "confidence: \"sure\" is not low, medium or high" },
		{ "high-latency tunnel-drop", "high-latency  tunnel-drop", "candidates: " },
		{ "13 retransmissions", "13\\nnot ok 2", "because: \"13\\nnot ok 2\" is not one line of text" },
		{ "\"seed\":8", "\"seed\":4294967296", "seed: 4294967296 is outside" },
		{ "9876.5", "-1", "wall_ms: -1 is not a time" },
		{ "9876.5", "NaN", "wall_ms: NaN is not a time" },
		{ "rdprepro-result/1", "rdprepro-result/9", "record: " },
		{ "{\"record\":\"rdprepro-evidence/1\"}", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
		  "not JSON: nesting too deep" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		struct rp_outcome o;
		struct rp_err err = { "" };
		const char* at = strstr(good_result, bad[i].from);
		char* text;
		ck_assert_msg(at != NULL, "%s", bad[i].from);
		ck_assert(asprintf(&text, "%.*s%s%s", (int)(at - good_result), good_result, bad[i].to,
		                   at + strlen(bad[i].from)) > 0);
		ck_assert_msg(!rp_result_parse_strict("d/r.json", text, strlen(text), &o, &err),
		              "%s accepted", bad[i].to);
		ck_assert_msg(strncmp(err.msg, "d/r.json: ", 10) == 0 && strstr(err.msg, bad[i].says),
		              "%s: \"%s\", not \"%s\"", bad[i].to, err.msg, bad[i].says);
		free(text);
	}
}
END_TEST

/* A stranger's SVG kept to what draws: every way an SVG runs or loads something goes, the
 * drawing stays, and what is not an SVG is refused. */
START_TEST(test_svg_clean)
{
	static const struct
	{
		const char* in;
		const char* gone; /* must not be in the output */
		int removed;      /* at least */
	} cases[] = {
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"4\"/></svg>",
		  "onload", 1 },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect/></svg>",
		  "script", 1 },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><body xmlns=\"http://www.w3.org/"
		  "1999/xhtml\"><iframe src=\"javascript:alert(1)\"/></body></foreignObject><rect/></svg>",
		  "iframe", 1 },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\">"
		  "<use x:href=\"http://evil/x.svg#a\"/><a x:href=\"javascript:alert(1)\"><text>t</text></a>"
		  "<rect/></svg>",
		  "evil", 2 },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(http://evil/x.css);</style>"
		  "<rect fill=\"url(http://evil/p)\"/></svg>",
		  "evil", 2 },
		{ "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/"
		  "2000/svg\"><text>&x;</text><rect/></svg>",
		  "root:", 1 },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><animate attributeName=\"href\" to=\"javascript:"
		  "alert(1)\"/><set attributeName=\"onclick\"/><rect/></svg>",
		  "animate", 2 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		char* out = NULL;
		size_t n = 0;
		int removed = 0;
		struct rp_err err = { "" };
		ck_assert_msg(rp_svg_clean("t.svg", cases[i].in, strlen(cases[i].in), &out, &n, &removed,
		                           &err),
		              "case %zu: %s", i, err.msg);
		ck_assert_ptr_null(memmem(out, n, cases[i].gone, strlen(cases[i].gone)));
		ck_assert_ptr_nonnull(memmem(out, n, "<rect", 5));
		ck_assert_int_ge(removed, cases[i].removed);
		free(out);
	}
	{
		/* Ours, as timeline.c draws it, comes out whole: nothing removed. */
		static const char ours[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
		                           "width=\"10\" height=\"10\"><style>.p{stroke:#000}</style><line "
		                           "class=\"p\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><title>a</title>"
		                           "</line><text x=\"1\"><tspan>b</tspan></text></svg>";
		char* out = NULL;
		size_t n = 0;
		int removed = -1;
		struct rp_err err = { "" };
		ck_assert(rp_svg_clean("ours.svg", ours, strlen(ours), &out, &n, &removed, &err));
		ck_assert_int_eq(removed, 0);
		free(out);
		ck_assert(!rp_svg_clean("x.svg", "<html><script/></html>", 22, &out, &n, &removed, &err));
		ck_assert_ptr_nonnull(strstr(err.msg, "not an SVG"));
		ck_assert(!rp_svg_clean("x.svg", "not xml", 7, &out, &n, &removed, &err));
	}
}
END_TEST

START_TEST(test_names)
{
	ck_assert(rp_name_ok("baseline") && rp_name_ok("p001-loss-0p5pct") && rp_name_ok("a"));
	ck_assert(!rp_name_ok("") && !rp_name_ok("Bad_Name") && !rp_name_ok("a.b") &&
	          !rp_name_ok("../x") && !rp_name_ok("x y"));
	ck_assert(rp_name_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));   /* 63 */
	ck_assert(!rp_name_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")); /* 64 */
	ck_assert_int_eq(rp_run_folder("run-1", 10), 1);
	ck_assert_int_eq(rp_run_folder("run-10", 10), 10);
	ck_assert_int_eq(rp_run_folder("run-11", 10), -1);
	ck_assert_int_eq(rp_run_folder("run-01", 10), -1);
	ck_assert_int_eq(rp_run_folder("run-+1", 10), -1);
	ck_assert_int_eq(rp_run_folder("run-1x", 10), -1);
	ck_assert_int_eq(rp_run_folder("run-99999999999999999999", 10), -1);
	ck_assert_int_eq(rp_run_folder("report.txt", 10), 0);
}
END_TEST

/* A tree walked through descriptors: what is not a directory or a regular file of one link is
 * refused, by its kind, without being opened (a FIFO without a writer returns at once). */
START_TEST(test_read_at)
{
	char dir[] = "/tmp/check-grid-XXXXXX", path[128], *buf = NULL, name[64];
	struct rp_err err = { "" };
	size_t len;
	int dfd, fd;
	struct stat st;

	ck_assert(mkdtemp(dir) != NULL);
	dfd = open(dir, O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(dfd, 0);
	snprintf(path, sizeof(path), "%s/file", dir);
	ck_assert((fd = open(path, O_WRONLY | O_CREAT, 0600)) >= 0 && write(fd, "12345", 5) == 5);
	close(fd);
	ck_assert_msg(rp_read_at(dfd, "file", "d/file", 5, &buf, &len, &err), "%s", err.msg);
	ck_assert_str_eq(buf, "12345");
	free(buf);
	ck_assert(!rp_read_at(dfd, "file", "d/file", 4, &buf, &len, &err));
	ck_assert_str_eq(err.msg, "d/file: 5 bytes, more than the 4 this reads: refused");
	ck_assert(symlinkat("file", dfd, "link") == 0 && mkfifoat(dfd, "fifo", 0600) == 0 &&
	          linkat(dfd, "file", dfd, "hard", 0) == 0 && mkdirat(dfd, "sub", 0700) == 0 &&
	          symlinkat("sub", dfd, "sublink") == 0);
	ck_assert(!rp_read_at(dfd, "link", "d/link", 100, &buf, &len, &err));
	ck_assert_str_eq(err.msg, "d/link: a symlink, not a regular file: refused");
	ck_assert(!rp_read_at(dfd, "fifo", "d/fifo", 100, &buf, &len, &err));
	ck_assert_str_eq(err.msg, "d/fifo: a FIFO, not a regular file: refused");
	ck_assert(!rp_read_at(dfd, "hard", "d/hard", 100, &buf, &len, &err));
	ck_assert(strstr(err.msg, "d/hard: 2 hard links: refused") == err.msg);
	ck_assert(!rp_read_at(dfd, "sub", "d/sub", 100, &buf, &len, &err));
	ck_assert_str_eq(err.msg, "d/sub: a directory, not a regular file: refused");
	ck_assert(!rp_read_at(dfd, "none", "d/none", 100, &buf, &len, &err) && errno == ENOENT);
	ck_assert_int_lt(rp_dir_at(dfd, "sublink", "d/sublink", &err), 0);
	ck_assert_str_eq(err.msg, "d/sublink: a symlink, not a directory: refused");
	ck_assert_int_lt(rp_dir_at(dfd, "fifo", "d/fifo", &err), 0);
	ck_assert_str_eq(err.msg, "d/fifo: a FIFO, not a directory: refused");
	ck_assert((fd = rp_dir_at(dfd, "sub", "d/sub", &err)) >= 0);
	close(fd);
	/* A private directory: ours, 0700, named PREFIX-XXXXXX. */
	ck_assert((fd = rp_private_dir(dir, ".work", name, sizeof(name), &err)) >= 0);
	ck_assert(strncmp(name, ".work-", 6) == 0 && fstat(fd, &st) == 0 &&
	          (st.st_mode & 0777) == 0700 && st.st_uid == geteuid());
	close(fd);
	ck_assert(unlinkat(dfd, name, AT_REMOVEDIR) == 0);
	for (const char* const* n = (const char* const[]){ "file", "link", "fifo", "hard", "sublink", NULL };
	     *n; n++)
		unlinkat(dfd, *n, 0);
	unlinkat(dfd, "sub", AT_REMOVEDIR);
	close(dfd);
	ck_assert(rmdir(dir) == 0);
}
END_TEST

int main(void)
{
	Suite* s = suite_create("grid");
	TCase* tc = tcase_create("core");

	tcase_add_test(tc, test_ranges);
	tcase_add_test(tc, test_range_errors);
	tcase_add_test(tc, test_apply);
	tcase_add_test(tc, test_apply_refuses);
	tcase_add_test(tc, test_wilson);
	tcase_add_test(tc, test_quantile);
	tcase_add_test(tc, test_grid_round_trip);
	tcase_add_test(tc, test_grid_refusals);
	tcase_add_test(tc, test_grid_too_many_points);
	tcase_add_test(tc, test_result_strict);
	tcase_add_test(tc, test_result_refusals);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_svg_clean);
	tcase_add_test(tc, test_read_at);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
