/* check_recipe.c: every scenario `reproduce` can write is one `run` accepts: each cause's
 * recipe under many combinations of a field log's facts (none; each phase; a time to failure
 * in TLS or the connect; an errorInfo; a session that was up, with reconnects; the client's
 * /sec: and /timeout:) is written, loaded by the scenario parser, and expects its cause. And
 * the causes the lab cannot make have no recipe. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "recipe.h"
#include "scenario.h"

static void facts_case(int k, struct rp_field_facts* f)
{
	static const char* const secs[] = { "", "tls", "rdp", "nla" };

	memset(f, 0, sizeof(*f));
	f->phase = k % 12 == 11 ? RP_PHASE_COUNT : (enum rp_phase)(k % 12);
	f->fail_s = k % 5 == 0 ? -1 : (k % 5) * 3 - 3;
	f->fail_tls = k % 2;
	f->error_info = k % 3 == 0 ? 0 : k % 3 == 1 ? 0x7 : 0x101;
	f->session = f->phase == RP_PHASE_ACTIVE;
	f->reconnects = k % 4 == 0 ? 2 : 0;
	rp_strlcpy(f->sec, secs[k % 4], sizeof(f->sec));
	f->timeout_ms = k % 7 == 0 ? 5000 : 0;
	f->gateway = k % 6 == 0;
}

START_TEST(every_recipe_parses)
{
	char dir[] = "/tmp/rdprepro-check-recipe.XXXXXX";
	int written = 0;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (int c = 0; c < RP_CAUSE_COUNT; c++)
		for (int k = 0; k < 60; k++)
		{
			struct rp_field_facts f;
			struct rp_scn_draft d;
			struct rp_scenario sc;
			struct rp_err err = { "" };
			char path[128];

			facts_case(k, &f);
			if (!rp_recipe_draft((enum rp_cause)c, &f, &d))
				break;
			snprintf(path, sizeof(path), "%s/%s.scn", dir, rp_cause_name((enum rp_cause)c));
			ck_assert_msg(rp_scn_write(path, "a test", &d, "reproduce", 1,
			                           rp_cause_name((enum rp_cause)c), &err),
			              "%s", err.msg);
			ck_assert_msg(rp_scenario_load(&sc, path, &err), "%s (facts case %d)", err.msg, k);
			ck_assert_int_eq(sc.expect, c);
			written++;
			unlink(path);
		}
	rmdir(dir);
	ck_assert_int_ge(written, 60 * 20);
}
END_TEST

START_TEST(causes_the_lab_cannot_make)
{
	static const enum rp_cause none[] = { RP_CAUSE_CONNECTED, RP_CAUSE_UNDETERMINED,
		                                  RP_CAUSE_UDP_TRANSPORT, RP_CAUSE_NOT_ATTEMPTED };
	struct rp_field_facts f;
	struct rp_scn_draft d;

	facts_case(1, &f);
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		ck_assert(!rp_recipe_draft(none[i], &f, &d));
}
END_TEST

START_TEST(facts_from_a_log)
{
	struct rp_fieldlog* log = calloc(1, sizeof(*log));
	struct rp_field_facts f;
	struct rp_err err = { "" };
	const char* text =
		"$ xfreerdp /v:host /sec:tls /timeout:7000 /u:alice\n"
		"[12:00:00:100] [7000:7000] [ERROR][com.freerdp.core] - ERRINFO_SERVER_DENIED_CONNECTION "
		"(0x00000007):The server denied the connection.\n";

	ck_assert_ptr_nonnull(log);
	ck_assert_msg(rp_fieldlog_parse("t.log", text, log, &err), "%s", err.msg);
	rp_field_facts_get(log, text, &f);
	ck_assert_str_eq(f.sec, "tls");
	ck_assert_int_eq(f.timeout_ms, 7000);
	ck_assert_uint_eq(f.error_info, 0x7);
	rp_field_facts_get(log, "/sec:bogus", &f);
	ck_assert_str_eq(f.sec, "");
	free(log);
}
END_TEST

int main(void)
{
	Suite* s = suite_create("recipe");
	TCase* tc = tcase_create("recipe");

	tcase_add_test(tc, every_recipe_parses);
	tcase_add_test(tc, causes_the_lab_cannot_make);
	tcase_add_test(tc, facts_from_a_log);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
