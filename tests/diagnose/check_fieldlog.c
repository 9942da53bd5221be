/* check_fieldlog.c: facts from field logs, line by line. */
#include <check.h>
#include <errno.h>
#include <string.h>

#include "check_util.h"
#include "fieldlog.h"

static struct rp_fieldlog log_;
static struct rp_err err;

static void parse_ok(const char* text)
{
	ck_assert_msg(rp_fieldlog_parse("t", text, &log_, &err), "%s", err.msg);
}

START_TEST(test_last_error_both_formats)
{
	parse_ok("[10:00:00:000] [1:1] [ERROR][com.freerdp.core] - freerdp_set_last_error_ex "
	         "ERRCONNECT_CONNECT_FAILED [0x00020006]\n");
	ck_assert_int_eq(log_.kind, RP_LOG_FREERDP);
	ck_assert_uint_eq(log_.ev.last_error, 0x00020006);
	ck_assert_str_eq(log_.ev.last_error_name, "ERRCONNECT_CONNECT_FAILED");
	ck_assert_int_eq(log_.facts[0].line, 1);
	parse_ok("x\n[10:00:00:000] [1:1] [ERROR][com.freerdp.core] - [transport_default_write]: "
	         "ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]\n");
	ck_assert_uint_eq(log_.ev.last_error, 0x0002000D);
	ck_assert_int_eq(log_.facts[0].line, 2);
	ck_assert_int_eq(log_.freerdp_major, 3);
}
END_TEST

START_TEST(test_session_logs)
{
	struct rp_field_verdict fv;
	/* A session that dropped: FreeRDP's client loop, then the auto-reconnect tries. */
	parse_ok("[10:00:00:000] [1:1] [ERROR][com.freerdp.core.transport] - [transport_read_layer]: "
	         "BIO_read returned a system error 110: Connection timed out\n"
	         "[10:00:00:001] [1:1] [ERROR][com.freerdp.core] - [freerdp_set_last_error_ex]: "
	         "ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]\n"
	         "[10:00:00:002] [1:1] [INFO][com.freerdp.client.common] - [client_auto_reconnect_ex]: "
	         "Network disconnect!\n"
	         "[10:00:00:003] [1:1] [INFO][com.freerdp.client.common] - [client_auto_reconnect_ex]: "
	         "Attempting reconnect (1 of 20)\n");
	ck_assert(log_.session_lost);
	ck_assert_int_eq(log_.reconnects, 1);
	rp_fieldlog_classify(&log_, &fv);
	ck_assert_int_eq(fv.v.cause, RP_CAUSE_UNDETERMINED);
	{
		bool tunnel = false;
		for (int i = 0; i < fv.n_candidates; i++)
			tunnel |= fv.candidates[i] == RP_CAUSE_TUNNEL_DROP;
		ck_assert(tunnel);
	}
	/* The server ended it: an errorInfo after active names who. */
	parse_ok("[10:00:00:000] [1:1] [INFO][com.freerdp.core] - [rdp_print_errinfo]: "
	         "ERRINFO_IDLE_TIMEOUT (0x00000003):The session was disconnected because it was idle\n");
	rp_fieldlog_classify(&log_, &fv);
	ck_assert_int_eq(fv.v.cause, RP_CAUSE_SERVER_ENDED_SESSION);
}
END_TEST

START_TEST(test_errorinfo)
{
	parse_ok("[1:2:3:4] [1:1] [ERROR][com.freerdp.core] - [rdp_print_errinfo]: "
	         "ERRINFO_LOGOFF_BY_USER (0x0000000C):The disconnection was initiated by the user.\n");
	ck_assert_uint_eq(log_.ev.error_info, 0xC);
	ck_assert_uint_eq(log_.ev.last_error, 0);
	/* A last error of the ERRINFO class carries the errorInfo too. */
	parse_ok("[1:2:3:4] [1:1] [ERROR][com.freerdp.core] - ERRINFO_SERVER_DENIED_CONNECTION "
	         "[0x00010007]\n");
	ck_assert_uint_eq(log_.ev.error_info, 7);
	ck_assert_uint_eq(log_.ev.last_error, 0x00010007);
}
END_TEST

START_TEST(test_system_errors_and_states)
{
	parse_ok("[1:2:3:4] [1:1] [DEBUG][com.freerdp.core.rdp] - [rdp_client_transition_to_state]: "
	         "CONNECTION_STATE_NEGO --> CONNECTION_STATE_MCS_CREATE_REQUEST\n"
	         "[1:2:3:4] [1:1] [ERROR][com.freerdp.core.transport] - BIO_read returned a system "
	         "error 104: Connection reset by peer\n");
	ck_assert_int_eq(log_.ev.attempts[0].furthest, RP_PHASE_MCS);
	ck_assert(log_.has_phase);
	ck_assert_int_eq(log_.errno_seen, ECONNRESET);
}
END_TEST

START_TEST(test_timing_from_stamps)
{
	/* Across midnight: 23:59:58 to 00:00:08 is 10 s. */
	parse_ok("[23:59:58:000] [1:1] [DEBUG][com.freerdp.core.nego] - [nego_try_connect]: "
	         "nego_security_connect with PROTOCOL_HYBRID\n"
	         "[00:00:08:500] [1:1] [ERROR][com.freerdp.core] - ERRCONNECT_TLS_CONNECT_FAILED "
	         "[0x00020008]\n");
	ck_assert_int_eq(log_.tls_fail_after_s, 10);
	ck_assert_int_eq(log_.connect_fail_after_s, -1);
}
END_TEST

START_TEST(test_windows_events)
{
	parse_ok("Event ID: 1026\nRDP ClientActiveX has been disconnected (Reason= 2308)\n");
	ck_assert_int_eq(log_.kind, RP_LOG_WINDOWS_EVENT);
	ck_assert_int_eq(log_.windows_reason, 2308);
	parse_ok("<Event><System><EventID>1026</EventID></System><EventData>\n"
	         "<Data Name=\"Value\">264</Data></EventData></Event>\n");
	ck_assert_int_eq(log_.windows_reason, 264);
}
END_TEST

START_TEST(test_refused_input)
{
	ck_assert(!rp_fieldlog_parse("list.txt", "milk\neggs\n", &log_, &err));
	ck_assert(strstr(err.msg, "list.txt") != NULL);
	ck_assert(!rp_fieldlog_parse("e.json", "{\"last_error\": 3}", &log_, &err));
	ck_assert(strstr(err.msg, "e.json") != NULL);
	ck_assert(!rp_fieldlog_read("/nonexistent/log", &log_, &err));
}
END_TEST

START_TEST(test_long_and_odd_lines)
{
	/* Over-long lines, NUL-free junk and a code name with no number do not break parsing. */
	char big[9000];
	memset(big, 'A', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "[1:1:1:1] [1:1] [ERROR][com.freerdp.core] - ERRCONNECT_", 55);
	parse_ok(big);
	ck_assert_uint_eq(log_.ev.last_error, 0);
	parse_ok("[com.freerdp.core] ERRCONNECT_X [0xZZ]\n\n\n");
	ck_assert_uint_eq(log_.ev.last_error, 0x00020000);
}
END_TEST

START_TEST(test_out_of_range_numbers)
{
	/* Found by fuzz_fieldlog: an hour of eleven digits overflowed int, then h * 3600. Such a
	 * stamp is no stamp: no timing is read from it. */
	parse_ok("[01999999999999999:22:31:662] [1:1] [DEBUG][com.freerdp.core.nego] - "
	         "[nego_try_connect]: nego_security_connect with PROTOCOL_HYBRID\n"
	         "[-1:-1:-1:000] [1:1] [ERROR][com.freerdp.core] - ERRCONNECT_TLS_CONNECT_FAILED "
	         "[0x00020008]\n");
	ck_assert_int_eq(log_.tls_fail_after_s, -1);
	/* An errno or a discReason out of range is not one. */
	parse_ok("[1:1:1:1] [1:1] [ERROR][com.freerdp.core] - BIO_read returned a system error "
	         "99999999999999999999: x\n");
	ck_assert_int_eq(log_.errno_seen, 0);
	parse_ok("Event ID: 1026\nRDP ClientActiveX has been disconnected (Reason= 4294967297)\n");
	ck_assert_int_eq(log_.windows_reason, 0);
	parse_ok("Event ID: 1026\nRDP ClientActiveX has been disconnected (Reason= 0x904)\n");
	ck_assert_int_eq(log_.windows_reason, 0x904);
}
END_TEST

int main(void)
{
	Suite* s = suite_create("fieldlog");
	TCase* tc = tcase_create("core");

	tcase_add_test(tc, test_last_error_both_formats);
	tcase_add_test(tc, test_errorinfo);
	tcase_add_test(tc, test_system_errors_and_states);
	tcase_add_test(tc, test_timing_from_stamps);
	tcase_add_test(tc, test_windows_events);
	tcase_add_test(tc, test_refused_input);
	tcase_add_test(tc, test_long_and_odd_lines);
	tcase_add_test(tc, test_out_of_range_numbers);
	tcase_add_test(tc, test_session_logs);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
