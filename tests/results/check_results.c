/* check_results.c: result.json round trip, JUnit XML valid against tests/junit.xsd (the
 * format CI systems read), TAP's grammar, and that a broken report fails validation. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "check_util.h"
#include "results.h"
#include "resultjson.h"

static void sample(struct rp_outcome o[4])
{
	memset(o, 0, 4 * sizeof(*o));
	const char* names[4] = { "baseline", "server-denied", "needs-netem", "broken" };
	enum rp_status st[4] = { RP_PASS, RP_FAIL, RP_SKIP, RP_ERROR };
	for (int i = 0; i < 4; i++)
	{
		strcpy(o[i].scenario, names[i]);
		o[i].run = 1;
		o[i].status = st[i];
		o[i].wall_ms = 850.5 + i;
		strcpy(o[i].verdict, i == 1 ? "undetermined" : "connected");
	}
	/* Characters XML and TAP must escape or survive: <, &, quotes, newlines, '#'. */
	strcpy(o[1].reason, "expected server-denied, observed <undetermined> & \"other\"");
	o[1].report = strdup("       last error: - 0x00000000\n       # not a TAP directive\n");
	strcpy(o[2].reason, "needs sch_netem: \"Specified qdisc kind is unknown\"");
	strcpy(o[3].reason, "server: not listening after 5000 ms");
}

static int validate(const char* xml_path, const char* xsd_path)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd_path);
	xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
	xmlSchemaValidCtxtPtr vc = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
	xmlDocPtr doc = xmlReadFile(xml_path, NULL, XML_PARSE_NONET);
	int rc = -1;

	if (vc && doc)
		rc = xmlSchemaValidateDoc(vc, doc);
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
	return rc;
}

static char* slurp(const char* path)
{
	FILE* f = fopen(path, "r");
	char* buf = NULL;
	size_t cap = 0;

	if (!f)
		return NULL;
	if (getdelim(&buf, &cap, '\0', f) < 0)
	{
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

START_TEST(test_junit_valid)
{
	struct rp_outcome o[4];
	struct rp_err err = { "" };
	char path[] = "/tmp/rdprepro-junit-XXXXXX";
	int fd = mkstemp(path);
	char* xml;

	ck_assert_int_ge(fd, 0);
	close(fd);
	sample(o);
	ck_assert_msg(rp_junit_write(path, o, 4, 4321.5, &err), "%s", err.msg);
	ck_assert_int_eq(validate(path, TESTS_DIR "/junit.xsd"), 0);
	xml = slurp(path);
	ck_assert_ptr_nonnull(xml);
	ck_assert(strstr(xml, "tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\"") != NULL);
	ck_assert(strstr(xml, "&lt;undetermined&gt; &amp; &quot;other&quot;") != NULL);
	ck_assert(strstr(xml, "<skipped message=\"needs sch_netem") != NULL);
	ck_assert(strstr(xml, "<error message=\"server: not listening") != NULL);
	ck_assert(strstr(xml, "time=\"0.851\"") != NULL);
	free(xml);
	unlink(path);
	free(o[1].report);
}
END_TEST

/* The validation can fail: a report missing a required attribute is rejected. */
START_TEST(test_junit_schema_rejects)
{
	char path[] = "/tmp/rdprepro-junit-bad-XXXXXX";
	int fd = mkstemp(path);
	const char* bad = "<testsuites><testsuite name=\"x\" tests=\"1\" failures=\"0\">"
	                  "<testcase name=\"a\"/></testsuite></testsuites>";

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, bad, strlen(bad)), (int)strlen(bad));
	close(fd);
	ck_assert_int_ne(validate(path, TESTS_DIR "/junit.xsd"), 0);
	unlink(path);
}
END_TEST

START_TEST(test_tap)
{
	struct rp_outcome o[4];
	struct rp_err err = { "" };
	char path[] = "/tmp/rdprepro-tap-XXXXXX";
	int fd = mkstemp(path);
	char* tap;

	ck_assert_int_ge(fd, 0);
	close(fd);
	sample(o);
	ck_assert_msg(rp_tap_write(path, o, 4, &err), "%s", err.msg);
	tap = slurp(path);
	ck_assert_ptr_nonnull(tap);
	ck_assert(strncmp(tap, "TAP version 13\n1..4\n", 20) == 0);
	ck_assert(strstr(tap, "\nok 1 - baseline: connected\n") != NULL);
	ck_assert(strstr(tap, "\nnot ok 2 - server-denied\n  ---\n  status: FAIL\n") != NULL);
	/* Report lines sit inside the YAML block, indented: a '#' there is no directive. */
	ck_assert(strstr(tap, "\n           # not a TAP directive\n") != NULL);
	ck_assert(strstr(tap, "\nok 3 - needs-netem # SKIP needs sch_netem") != NULL);
	ck_assert(strstr(tap, "\nnot ok 4 - broken\n") != NULL);
	ck_assert(strstr(tap, "  ...\n") != NULL);
	free(tap);
	unlink(path);
	free(o[1].report);
}
END_TEST

START_TEST(test_result_round_trip)
{
	struct rp_outcome o[4], back;
	struct rp_err err = { "" };
	char path[] = "/tmp/rdprepro-result-XXXXXX";
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	sample(o);
	o[1].seed = 42;
	o[1].run = 3;
	ck_assert_msg(rp_result_write(path, &o[1], NULL, "listening 198.18.1.2 3389 1.0\n", &err),
	              "%s", err.msg);
	memset(&back, 0, sizeof(back));
	ck_assert_msg(rp_result_read(path, &back, &err), "%s", err.msg);
	ck_assert_int_eq(back.status, RP_FAIL);
	ck_assert_str_eq(back.reason, o[1].reason);
	ck_assert_str_eq(back.scenario, "server-denied");
	ck_assert_int_eq(back.run, 3);
	ck_assert_uint_eq(back.seed, 42);
	ck_assert_double_eq_tol(back.wall_ms, 851.5, 1e-9);
	unlink(path);
	ck_assert(!rp_result_read(path, &back, &err));
	free(o[1].report);
}
END_TEST

int main(void)
{
	Suite* s = suite_create("results");
	TCase* tc = tcase_create("core");

	tcase_add_test(tc, test_junit_valid);
	tcase_add_test(tc, test_junit_schema_rejects);
	tcase_add_test(tc, test_tap);
	tcase_add_test(tc, test_result_round_trip);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
