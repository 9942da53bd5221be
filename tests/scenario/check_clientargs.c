/* check_clientargs.c: the allow-list of scenario client options (clientargs.h).
 *
 * Every allowed spelling is also handed to FreeRDP 3.10's own parser
 * (freerdp_client_settings_parse_command_line), behind the /v: the harness gives first: what the
 * list allows, FreeRDP takes as written. Refused tokens never reach FreeRDP here. */
#include <check.h>
#include "check_util.h"
#include <stdio.h>
#include <string.h>

#include <freerdp/client.h>
#include <freerdp/settings.h>
#include <winpr/wlog.h>

#include "clientargs.h"

/* One spelling or more of every row, and the values at each bound. */
static const char* const good[] = {
	"/sec:nla", "/sec:tls", "/sec:rdp", "/sec:ext", "/sec:nla:on,tls:off", "/sec:rdp,tls",
	"/nego", "+nego", "-nego",
	"/timeout:1", "/timeout:3000", "/timeout:600000",
	"/auto-reconnect", "+auto-reconnect", "-auto-reconnect",
	"/auto-reconnect-max-retries:0", "/auto-reconnect-max-retries:1000",
	"/cert:ignore", "/cert:tofu", "/cert:deny", "/cert:name:rdpp-server.lab",
	"/cert:ignore,name:host-1.example",
	"/tls:seclevel:0", "/tls:seclevel:5", "/tls:enforce:1.2", "/tls:enforce:1.3",
	"/tls:ciphers:HIGH:!aNULL:!MD5", "/tls:ciphers:netmon", "/tls:seclevel:1,enforce:1.2",
	"/encryption-methods:40,56,128", "/encryption-methods:FIPS",
	"/size:200x200", "/size:1024x768", "/size:8192x8192",
	"/bpp:8", "/bpp:15", "/bpp:16", "/bpp:24", "/bpp:32",
	"/network:modem", "/network:broadband-low", "/network:lan", "/network:auto",
	"/gdi:sw", "/gdi:hw",
	"/compression", "+compression", "-compression",
	"/compression-level:0", "/compression-level:3",
	"/frame-ack:0", "/frame-ack:1000",
	"/heartbeat", "-heartbeat", "/multitransport", "-multitransport",
	"/admin", "/restricted-admin",
};

START_TEST(test_good_token)
{
	const char* tok = good[_i];
	const char* argv[] = { "check", "/v:192.0.2.1", tok };
	struct rp_err err = { "" };
	rdpSettings* settings = freerdp_settings_new(0);
	int rc;

	ck_assert_msg(rp_client_argv_check(&tok, 1, &err), "%s", err.msg);
	ck_assert_msg(rp_client_args_check(tok, &err), "%s", err.msg);
	ck_assert_ptr_nonnull(settings);
	rc = freerdp_client_settings_parse_command_line(settings, 3, (char**)argv, FALSE);
	freerdp_settings_free(settings);
	ck_assert_msg(rc == 0, "%s: allowed here, FreeRDP 3.10 refuses it (%d)", tok, rc);
}
END_TEST

/* Each class of refusal, with a token of it and the words its reason must hold. */
static const struct
{
	const char* tok;
	const char* why;
} bad[] = {
	{ "/kerberos:pkcs11-module:/x/evil.so", "(loads code: /kerberos:" },
	{ "/smartcard-logon", "(loads code:" },
	{ "/sspi-module:/x.so", "(loads code:" },
	{ "/rdp2tcp:/bin/sh", "(loads code: /rdp2tcp: a program it runs" },
	{ "/vc:rdpsnd", "(loads code:" },
	{ "/tune:FreeRDP_TlsSecretsFile:/x", "(loads code:" },
	{ "/tls:secrets-file:/tmp/keys", "(names a file: /tls:secrets-file:" },
	{ "/tls:seclevel:1,secrets-file:/tmp/keys", "(names a file:" },
	{ "/dump:record,file:/tmp/x", "(names a file:" },
	{ "/drive:x,/", "(redirects a device or a channel: /drive:" },
	{ "/serial:COM1,/dev/ttyS0", "(redirects a device or a channel:" },
	{ "+clipboard", "(redirects a device or a channel:" },
	{ "/v:/run/evil.sock", "(leaves the lab: /v:" },
	{ "/proxy:http://192.0.2.9:3128", "(leaves the lab:" },
	{ "/gateway:g:gw.example", "(leaves the lab:" },
	{ "/load-balance-info:tsv://x", "(leaves the lab:" },
	{ "/sec:aad", "(leaves the lab: /sec:aad" },
	{ "/u:admin", "(the harness sets it:" },
	{ "/p:secret", "(the harness sets it:" },
	{ "/log-level:TRACE", "(the harness sets it:" },
	{ "/args-from:/etc/passwd", "(reads more arguments from elsewhere:" },
	{ "/args-from:stdin", "(reads more arguments from elsewhere:" },
	{ "/foo", "(unknown option;" },
	{ "/Sec:nla", "(unknown option;" },  /* FreeRDP matches names case-exactly */
	{ "/z", "(unknown option;" },        /* an alias (compression) is not on the list */
	{ "/sec-nla", "(unknown option;" },  /* deprecated: not in Debian's FreeRDP 3.10 */
	{ "--sec", "(unknown option;" },
	{ "evil.rdp", "(unknown option: an option begins with" },
	{ "/", "(unknown option;" },
	{ "/timeout:0", "(bad value: /timeout: takes a number of ms from 1 to 600000" },
	{ "/timeout:600001", "(bad value:" },
	{ "/timeout:010", "(bad value:" }, /* FreeRDP: octal 8 */
	{ "/timeout:0x10", "(bad value:" },
	{ "/timeout:-1", "(bad value:" },
	{ "/timeout:", "(bad value:" },
	{ "/timeout", "(bad value:" },
	{ "/timeout:99999999999999999999", "(bad value:" },
	{ "/auto-reconnect-max-retries:1001", "(bad value:" },
	{ "/sec:NLA", "(bad value:" },
	{ "/sec:nla:maybe", "(bad value:" },
	{ "/sec:nla,,tls", "(bad value:" },
	{ "/sec:nla,", "(bad value:" },
	{ "/cert:name:-x", "(bad value:" },
	{ "/cert:name:a/b", "(bad value:" },
	{ "/cert:fingerprint:sha256:00", "(bad value:" },
	{ "/tls:seclevel:6", "(bad value:" },
	{ "/tls:enforce:ssl3", "(bad value:" },
	{ "/tls:ciphers:a'b", "(bad value:" },
	{ "/tls:ciphers:", "(bad value:" },
	{ "/size:199x768", "(bad value:" },
	{ "/size:1024x8193", "(bad value:" },
	{ "/size:50%", "(bad value:" },
	{ "/size:1024x", "(bad value:" },
	{ "/bpp:12", "(bad value:" },
	{ "/network:fast", "(bad value:" },
	{ "/gdi:gl", "(bad value:" },
	{ "/compression-level:4", "(bad value:" },
	{ "/frame-ack:1001", "(bad value:" },
	{ "/compression:on", "(bad value: /compression takes no value" },
	{ "/admin:yes", "(bad value:" },
	{ "-admin", "(misleading spelling: write /admin" },
	{ "+restricted-admin", "(misleading spelling:" },
	{ "-timeout:3000", "(misleading spelling: write /timeout:VALUE" },
	{ "+sec:nla", "(misleading spelling:" },
};

START_TEST(test_bad_token)
{
	struct rp_err err = { "" };
	char want[160];

	ck_assert_msg(!rp_client_argv_check(&bad[_i].tok, 1, &err), "%s: allowed", bad[_i].tok);
	ck_assert_msg(strstr(err.msg, bad[_i].why), "%s: got \"%s\", want \"%s\"", bad[_i].tok,
	              err.msg, bad[_i].why);
	snprintf(want, sizeof(want), "\"%s\" is not allowed (", bad[_i].tok);
	ck_assert_msg(strncmp(err.msg, want, strlen(want)) == 0, "%s: %s", bad[_i].tok, err.msg);
	ck_assert(strstr(err.msg, "; the allowed options: " RP_CLIENT_ARGS_DOC ")"));
	/* The same from a scenario's line, between allowed ones. */
	{
		char line[300];
		snprintf(line, sizeof(line), "/sec:nla\t %s  /timeout:3000", bad[_i].tok);
		ck_assert(!rp_client_args_check(line, &err));
		ck_assert_msg(strncmp(err.msg, want, strlen(want)) == 0, "%s: %s", line, err.msg);
	}
}
END_TEST

START_TEST(test_whole_message)
{
	struct rp_err err = { "" };

	ck_assert(!rp_client_args_check("/sec:nla /cert:ignore /rdp2tcp:/bin/sh", &err));
	ck_assert_str_eq(err.msg, "\"/rdp2tcp:/bin/sh\" is not allowed (loads code: /rdp2tcp: a "
	                          "program it runs; the allowed options: "
	                          "docs/scenario-format.md#client-options)");
}
END_TEST

/* FreeRDP keeps only an option's last value: /cert:ignore /cert:name:x would lose ignore. */
START_TEST(test_twice)
{
	const char* argv[] = { "/cert:ignore", "/sec:nla", "/cert:name:x" };
	struct rp_err err = { "" };

	ck_assert(!rp_client_argv_check(argv, 3, &err));
	ck_assert_str_eq(err.msg, "\"/cert:name:x\" is not allowed (given twice: FreeRDP keeps only "
	                          "the last /cert; the allowed options: "
	                          "docs/scenario-format.md#client-options)");
	ck_assert(!rp_client_args_check("+compression -compression", &err));
	ck_assert(strstr(err.msg, "given twice"));
}
END_TEST

/* What a scenario writes is quoted back printable and short: a hostile file cannot send a
 * terminal escape or a page of text through the error. */
START_TEST(test_quoted_back)
{
	char tok[300];
	const char* esc = "/\x1b]0;pwned\x07";
	struct rp_err err = { "" };

	ck_assert(!rp_client_argv_check(&esc, 1, &err));
	ck_assert_msg(strncmp(err.msg, "\"/?]0;pwned?\" is not allowed", 27) == 0, "%s", err.msg);
	memset(tok, 'a', sizeof(tok) - 1);
	tok[0] = '/';
	tok[sizeof(tok) - 1] = '\0';
	{
		const char* t = tok;
		ck_assert(!rp_client_argv_check(&t, 1, &err));
	}
	ck_assert(strstr(err.msg, "aaa...\" is not allowed (unknown option;"));
	ck_assert_uint_lt(strlen(err.msg), 200);
}
END_TEST

/* What the catalog, reproduce's recipes and variants write (scenarios/, recipe.c, variants.c). */
START_TEST(test_what_scenarios_write)
{
	static const char* const lines[] = {
		"/sec:nla /cert:ignore", "/sec:tls /cert:ignore", "/sec:nla /cert:ignore /timeout:3000",
		"/sec:rdp /cert:ignore", "/sec:ext /cert:ignore /timeout:4000 /auto-reconnect",
		"/sec:nla", "",
	};
	struct rp_err err = { "" };

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		ck_assert_msg(rp_client_args_check(lines[i], &err), "%s: %s", lines[i], err.msg);
}
END_TEST

int main(void)
{
	Suite* s = suite_create("clientargs");
	TCase* tc = tcase_create("core");

	/* FreeRDP's parser logs what it takes; the checks read its status, not its log. */
	WLog_SetLogLevel(WLog_GetRoot(), WLOG_OFF);
	tcase_add_loop_test(tc, test_good_token, 0, (int)(sizeof(good) / sizeof(good[0])));
	tcase_add_loop_test(tc, test_bad_token, 0, (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, test_whole_message);
	tcase_add_test(tc, test_twice);
	tcase_add_test(tc, test_quoted_back);
	tcase_add_test(tc, test_what_scenarios_write);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
