/* check_recipe.c: every scenario `reproduce` can write is one `run` accepts: each cause's
 * recipe under many combinations of a field log's facts (none; each phase; a time to failure
 * in TLS or the connect; an errorInfo; a session that was up, with reconnects; the client's
 * /sec: and /timeout:) is written, loaded by the scenario parser, and expects its cause. And
 * the causes the lab cannot make have no recipe. */
#include <check.h>
#include <limits.h>
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

/* d written as dir/CAUSE.scn with header, read back into sc (and removed): it must parse and
 * expect c. k names the facts' case in a failure. */
static void write_back(const char* dir, enum rp_cause c, const struct rp_scn_draft* d,
                       const char* header, int k, struct rp_scenario* sc)
{
	struct rp_err err = { "" };
	char path[128];

	snprintf(path, sizeof(path), "%s/%s.scn", dir, rp_cause_name(c));
	ck_assert_msg(rp_scn_write(path, header, d, "reproduce", 1, rp_cause_name(c), &err), "%s",
	              err.msg);
	ck_assert_msg(rp_scenario_load(sc, path, &err), "%s (facts case %d)", err.msg, k);
	ck_assert_int_eq(sc->expect, c);
	unlink(path);
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

			facts_case(k, &f);
			if (!rp_recipe_draft((enum rp_cause)c, &f, &d))
				break;
			write_back(dir, (enum rp_cause)c, &d, "a test", k, &sc);
			written++;
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


/* Facts a stranger's log can give: a day's /timeout:, one of more digits than an int holds,
 * zero, a time to failure of a day, and out-of-range values no parser writes (a phase past
 * the last, a /sec: outside the four, negative counts): the draft must still parse. */
static void hostile_case(int k, struct rp_field_facts* f)
{
	static const int timeouts[] = { 86000000, INT_MAX, 0, -5, 600001, 1 };
	static const int fails[] = { 86400, INT_MAX, -7, 601, 600, 0 };

	facts_case(k, f);
	f->timeout_ms = timeouts[k % 6];
	f->fail_s = fails[(k / 6) % 6];
	if (k % 5 == 0)
		f->phase = (enum rp_phase)(RP_PHASE_COUNT + 7);
	if (k % 7 == 0)
		memcpy(f->sec, "zzzzzzzz", sizeof(f->sec)); /* not even terminated */
	f->reconnects = k % 3 == 0 ? -1 : k % 3 == 1 ? INT_MAX : 0;
}

/* Text for [scenario] field: a 4 KB path; newlines with a section and a key in them; a `;`
 * and a `#` after blanks (inih's comments); an escape sequence; a character of three bytes
 * across the cut; all blanks. */
static void hostile_text(int k, char* buf, size_t n)
{
	size_t o = 0;

	switch (k % 6)
	{
		case 0:
			o = (size_t)snprintf(buf, n, "the field log ");
			while (o + 8 < n && o < 4096)
				o += (size_t)snprintf(buf + o, n - o, "/%s", o % 400 < 8 ? "a b" : "xxxxxxx");
			break;
		case 1:
			snprintf(buf, n, "the field log a\n[client]\nargs = /evil\n"
			                 "[expect]\nverdict = connected");
			break;
		case 2:
			snprintf(buf, n, "the field log ; comment # not; a ;b #c");
			break;
		case 3:
			snprintf(buf, n, "the field log \x1b[31mred\x1b[0m\r\x9b\xc2\x9b\x7f\xff\xfe end");
			break;
		case 4:
			for (o = 0; o + 4 < n && o < 1000; o += 3)
				memcpy(buf + o, "\xE2\x82\xAC", 3); /* U+20AC EURO SIGN, no blank anywhere */
			buf[o] = '\0';
			break;
		case 5:
			snprintf(buf, n, " \n\t \n ");
			break;
	}
}

/* s is UTF-8 with no control characters. */
static bool clean_utf8(const char* s)
{
	for (const unsigned char* p = (const unsigned char*)s; *p;)
	{
		int k = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3
		        : (*p & 0xF8) == 0xF0 ? 4 : 0;
		if (k == 0 || (k == 1 && (*p < 0x20 || *p == 0x7F)))
			return false;
		for (int j = 1; j < k; j++)
			if ((p[j] & 0xC0) != 0x80)
				return false;
		p += k;
	}
	return true;
}

START_TEST(hostile_facts_parse)
{
	char dir[] = "/tmp/rdprepro-check-recipe.XXXXXX";
	static char text[8192];
	int written = 0;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (int c = 0; c < RP_CAUSE_COUNT; c++)
		for (int k = 0; k < 72; k++)
		{
			struct rp_field_facts f;
			struct rp_scn_draft d;
			struct rp_scenario sc;

			hostile_case(k, &f);
			if (!rp_recipe_draft((enum rp_cause)c, &f, &d))
				break;
			hostile_text(k, text, sizeof(text));
			rp_strlcpy(d.field, text, sizeof(d.field));
			if (k % 4 == 1) /* the summary's words are ours; the writer holds any */
				rp_strlcpy(d.summary, text, sizeof(d.summary));
			write_back(dir, (enum rp_cause)c, &d, text, k, &sc);
			/* The format's ranges: FreeRDP's /timeout:, deadlines of minutes, not a day. */
			ck_assert_msg(sc.deadline_ms <= 625000, "deadline %u ms (case %d)", sc.deadline_ms, k);
			ck_assert_msg(sc.connect_timeout_ms <= 600000, "connect-timeout %u ms",
			              sc.connect_timeout_ms);
			ck_assert_msg(sc.session_ms <= 610000, "session %u ms", sc.session_ms);
			ck_assert(!strstr(sc.client_args, "86000000") &&
			          !strstr(sc.client_args, "/timeout:0") &&
			          !strstr(sc.client_args, "600001") && !strstr(sc.client_args, "evil"));
			if (strstr(sc.client_args, "/timeout:"))
			{
				int t = atoi(strstr(sc.client_args, "/timeout:") + 9);
				ck_assert_msg(t >= 1 && t <= 600000, "/timeout:%d (case %d)", t, k);
			}
			if (f.timeout_ms > 600000)
				ck_assert_msg(strstr(d.notes, "clamped to the format's maximum 600000 ms"),
				              "notes: \"%s\" (case %d)", d.notes, k);
			/* The text read back: clean, one line, no key or section of its own. */
			ck_assert(clean_utf8(sc.field) && clean_utf8(sc.summary));
			ck_assert(strlen(sc.field) < sizeof(sc.field));
			if (k % 6 == 0 || k % 6 == 4)
				ck_assert_msg(strlen(sc.field) > 200 && strstr(sc.field, "..."),
				              "a long field is cut with \"...\": \"%s\"", sc.field);
			if (k % 6 == 2)
				ck_assert_msg(strstr(sc.field, "#c"), "the field lost its end: \"%s\"", sc.field);
			written++;
		}
	rmdir(dir);
	ck_assert_int_ge(written, 72 * 20);
}
END_TEST

START_TEST(clean_cuts_on_a_character)
{
	char buf[8];
	char wide[32];

	rp_scn_clean(buf, sizeof(buf), "ab\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC");
	ck_assert_str_eq(buf, "ab...");
	rp_scn_clean(wide, sizeof(wide), ";a\nb;c ;d\t#e");
	ck_assert_str_eq(wide, ",a b;c ,d #e");
	rp_scn_clean(buf, sizeof(buf), "ab\xE2\x82\xAC");
	ck_assert_str_eq(buf, "ab\xE2\x82\xAC");
}
END_TEST

START_TEST(facts_clamped_from_a_log)
{
	struct rp_fieldlog* log = calloc(1, sizeof(*log));
	struct rp_field_facts f;
	char notes[512];
	struct rp_err err = { "" };
	const char* text = "$ xfreerdp /v:host /timeout:86000000 /u:alice\n"
	                   "[12:00:00:100] [7000:7000] [ERROR][com.freerdp.core] - "
	                   "freerdp_set_last_error_ex ERRCONNECT_ACTIVATION_TIMEOUT [0x0002001C]\n";

	ck_assert_ptr_nonnull(log);
	ck_assert_msg(rp_fieldlog_parse("t.log", text, log, &err), "%s", err.msg);
	rp_field_facts_get(log, text, &f);
	ck_assert_int_eq(f.timeout_ms, 86000000);
	ck_assert_int_eq(rp_field_facts_clamp(&f, notes, sizeof(notes)), 1);
	ck_assert_int_eq(f.timeout_ms, 600000);
	ck_assert_str_eq(notes, "the log's /timeout:86000000 clamped to the format's maximum 600000 "
	                        "ms (FreeRDP 3 takes /timeout: from 1 to 600000 ms).");
	/* More digits than an int holds: more than INT_MAX, not a wrapped number. */
	rp_field_facts_get(log, "/timeout:99999999999999999999999", &f);
	ck_assert_int_eq(f.timeout_ms, INT_MAX);
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
	tcase_add_test(tc, hostile_facts_parse);
	tcase_add_test(tc, clean_cuts_on_a_character);
	tcase_add_test(tc, facts_clamped_from_a_log);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
