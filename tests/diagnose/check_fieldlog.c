/* check_fieldlog.c: facts from field logs, line by line. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_util.h"
#include "errinfo.h"
#include "fieldlog.h"
#include "logtext.h"

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

static struct rp_field_verdict fv_;

static enum rp_cause verdict_of(const char* text)
{
	parse_ok(text);
	rp_fieldlog_classify(&log_, &fv_);
	return fv_.v.cause;
}

static bool names(enum rp_cause c)
{
	for (int i = 0; i < fv_.n_candidates; i++)
		if (fv_.candidates[i] == c)
			return true;
	return fv_.v.cause == c;
}

#define WLOG3 "[10:00:00:000] [1:1] [ERROR][com.freerdp.core] - [f]: "

START_TEST(test_errinfo_table)
{
	/* FreeRDP's own table, and the spec's codes it lacks. */
	ck_assert_str_eq(rp_errinfo_name(0x7), "ERRINFO_SERVER_DENIED_CONNECTION");
	ck_assert_str_eq(rp_errinfo_name(0x19), "ERRINFO_SERVER_SHUTDOWN");
	ck_assert_str_eq(rp_errinfo_name(0x1A), "ERRINFO_SERVER_REBOOT");
	ck_assert_ptr_null(rp_errinfo_name(0x13));
	/* 2.x's spelling, and without the prefix */
	ck_assert_uint_eq(rp_errinfo_from_name("ERRINFO_DISCONNECTED_BY_OTHERCONNECTION"), 0x5);
	ck_assert_uint_eq(rp_errinfo_from_name("LOGOFF_BY_USER"), 0xC);
	ck_assert_uint_eq(rp_errinfo_from_name("ERRINFO_NO_SUCH_THING"), UINT32_MAX);
	ck_assert_int_eq(rp_errinfo_class(0x7), RP_EI_DENIAL);
	ck_assert_int_eq(rp_errinfo_class(0x8), RP_EI_DENIAL);
	ck_assert_int_eq(rp_errinfo_class(0xC), RP_EI_SESSION_END);
	ck_assert_int_eq(rp_errinfo_class(0x19), RP_EI_SESSION_END);
	ck_assert_int_eq(rp_errinfo_class(0x6), RP_EI_SERVER_FAULT);
	ck_assert_int_eq(rp_errinfo_class(0x11), RP_EI_SERVER_FAULT);
	ck_assert_int_eq(rp_errinfo_class(0x106), RP_EI_LICENSING);
	ck_assert_int_eq(rp_errinfo_class(0x408), RP_EI_BROKER);
	ck_assert_int_eq(rp_errinfo_class(0x10C9), RP_EI_PROTOCOL);
	ck_assert_int_eq(rp_errinfo_class(0x1196), RP_EI_CLIENT);
	ck_assert_int_eq(rp_errinfo_class(0x1300), RP_EI_UNKNOWN);
	ck_assert_uint_eq(rp_last_error_from_name("ERRCONNECT_CONNECT_TRANSPORT_FAILED"), 0x2000D);
	ck_assert_str_eq(rp_last_error_name(0x2000D), "ERRCONNECT_CONNECT_TRANSPORT_FAILED");
}
END_TEST

START_TEST(test_errinfo_lines)
{
	/* The two: a session-end code with no sign of the session, and a fault. */
	ck_assert_int_eq(verdict_of("[INFO][com.freerdp.core] - ERRINFO_LOGOFF_BY_USER "
	                            "(0x0000000C):The disconnection was initiated by the user\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_SERVER_ENDED_SESSION) && names(RP_CAUSE_SERVER_DENIED));
	ck_assert_int_eq(verdict_of(WLOG3 "ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE [0x00010011]\n"),
	                 RP_CAUSE_SERVER_FAULT);
	/* A name without a number (1.x) */
	ck_assert_int_eq(verdict_of("ERRINFO_SERVER_DENIED_CONNECTION\n"), RP_CAUSE_SERVER_DENIED);
	ck_assert_int_eq(verdict_of(WLOG3 "ERRINFO_CB_DESTINATION_POOL_NOT_FREE (0x00000408)\n"),
	                 RP_CAUSE_BROKER_FAILURE);
}
END_TEST

START_TEST(test_freerdp1_and_licensing)
{
	parse_ok("connected to 198.18.1.2:3389\nfreerdp_set_last_error 0x2000D\n");
	ck_assert_uint_eq(log_.ev.last_error, 0x2000D);
	ck_assert_int_eq(verdict_of(WLOG3 "license connection sequence aborted.\n"),
	                 RP_CAUSE_LICENSING_FAILURE);
	ck_assert_int_eq(verdict_of("[DEBUG][com.freerdp.core.license] - dwErrorCode: "
	                            "ERR_INVALID_CLIENT, dwStateTransition: ST_TOTAL_ABORT\n"),
	                 RP_CAUSE_LICENSING_FAILURE);
	/* The alert every server without licensing sends: not a failure. */
	parse_ok("[DEBUG][com.freerdp.core.license] - dwErrorCode: STATUS_VALID_CLIENT, "
	         "dwStateTransition: ST_NO_TRANSITION\n");
	ck_assert(!log_.license_abort && !log_.license_error[0]);
}
END_TEST

START_TEST(test_nla_and_gateway)
{
	ck_assert_int_eq(verdict_of(WLOG3 "nla_recv_pdu: ERRCONNECT_LOGON_FAILURE [0x00020014]\n" WLOG3
	                            "SEC_E_LOGON_DENIED\n"),
	                 RP_CAUSE_BAD_CREDENTIALS);
	ck_assert_int_eq(verdict_of(WLOG3 "STATUS_LOGON_TYPE_NOT_GRANTED\n"), RP_CAUSE_SERVER_DENIED);
	/* Not an expired password for certain: FreeRDP's name for a TLS alert during NLA. */
	ck_assert_int_eq(verdict_of(WLOG3 "ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED [0x0002000F]\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_BAD_CREDENTIALS) && names(RP_CAUSE_SECURITY_MISMATCH));
	ck_assert_int_eq(verdict_of("[ERROR][com.freerdp.core.gateway.tsg] - TsProxyCreateTunnel: "
	                            "E_PROXY_RAP_ACCESSDENIED (0x800759DA)\n"),
	                 RP_CAUSE_SERVER_DENIED);
	ck_assert_int_eq(verdict_of("[ERROR][com.freerdp.core.gateway.http] - Unexpected HTTP status "
	                            "401 Unauthorized\n"),
	                 RP_CAUSE_BAD_CREDENTIALS);
}
END_TEST

START_TEST(test_cmdline_and_dns)
{
	ck_assert_int_eq(verdict_of("[ERROR][com.winpr.commandline] - Failed at index 1 [/foo]: "
	                            "Unexpected keyword\n"),
	                 RP_CAUSE_NOT_ATTEMPTED);
	/* A usage line beside a connection that was tried: not "never attempted". */
	ck_assert_int_ne(verdict_of("Usage: xfreerdp [file] [options] [/v:<server>[:port]]\n" WLOG3
	                            "freerdp_set_last_error_ex ERRCONNECT_DNS_NAME_NOT_FOUND "
	                            "[0x00020005]\n"),
	                 RP_CAUSE_NOT_ATTEMPTED);
	parse_ok(WLOG3 "getaddrinfo: nodename nor servname provided, or not known\n");
	ck_assert_uint_eq(log_.ev.last_error, 0x00020005);
}
END_TEST

START_TEST(test_errno_per_platform)
{
	/* macOS: 60 is ETIMEDOUT there (ENOSTR on Linux); the text decides. */
	parse_ok(WLOG3 "BIO_read returned a system error 60: Operation timed out\n");
	ck_assert_int_eq(log_.errno_seen, ETIMEDOUT);
	parse_ok(WLOG3 "BIO_read returned a system error 54: Connection reset by peer\n");
	ck_assert_int_eq(log_.errno_seen, ECONNRESET);
	/* Linux's own number and text */
	parse_ok(WLOG3 "BIO_read returned a system error 104: Connection reset by peer\n");
	ck_assert_int_eq(log_.errno_seen, ECONNRESET);
	/* Windows' WSA numbers are unambiguous */
	parse_ok(WLOG3 "BIO_read returned a system error 10060\n");
	ck_assert_int_eq(log_.errno_seen, ETIMEDOUT);
	/* a number alone, on a log that shows macOS */
	parse_ok("/Applications/Remmina.app/Contents/MacOS\n" WLOG3
	         "BIO_read returned a system error 61\n");
	ck_assert_int_eq(log_.errno_seen, ECONNREFUSED);
	ck_assert_int_eq(verdict_of(WLOG3 "No connection could be made because the target machine "
	                            "actively refused it.\n"),
	                 RP_CAUSE_PORT_CLOSED);
}
END_TEST

START_TEST(test_wrappers)
{
	const char* inner = "[10:00:00:000] [1:1] [ERROR][com.freerdp.core] - [f]: "
	                    "ERRINFO_SERVER_DENIED_CONNECTION [0x00010007]";
	const char* prefixes[] = {
		"guacd_1  | ",                                          /* docker-compose */
		"2024-01-02T03:04:05.123456789Z ",                      /* docker logs -t */
		"Jan  2 03:04:05 host guacd[123]: ",                    /* syslog, journald */
		"2024-01-02T03:04:05.123+01:00 host guacd[123]: ",      /* syslog ISO */
		"(remmina:1234): remmina-DEBUG: 03:04:05.678: ",        /* Remmina */
		"01-02 03:04:05.678  123  456 E FreeRDP : ",            /* logcat threadtime */
		"E/FreeRDP( 123): ",                                    /* logcat brief */
		"2024-01-02 03:04:05.6789|ERROR|Rdp.Client|",           /* NLog */
		"2024/01/02 03:04:05 ",                                 /* Go */
		"qt.rdp.client: ",                                      /* Qt */
		"Jan  2 03:04:05 host guacd[123]: guacd[123]: ERROR:\t", /* guacd's level */
	};
	char text[512];

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
	{
		snprintf(text, sizeof(text), "%s%s\n", prefixes[i], inner);
		ck_assert_msg(verdict_of(text) == RP_CAUSE_SERVER_DENIED, "prefix %zu: %s", i, text);
		ck_assert_msg(log_.wrappers[0], "prefix %zu named no wrapper", i);
	}
	/* guacd through rsyslog: #011 for its tab, each line twice (syslog and stderr), CRLF */
	parse_ok("Jan  2 03:04:05 h guacd[1]: guacd[1]: ERROR:#011Connection failed\r\n"
	         "Jan  2 03:04:05 h guacd[1]: guacd[1]: ERROR:#011Connection failed\r\n");
	ck_assert(strstr(log_.wrappers, "doubled") && strstr(log_.wrappers, "#NNN") &&
	          strstr(log_.wrappers, "CRLF"));
}
END_TEST

START_TEST(test_line_repairs)
{
	struct rp_logtext lt;
	/* An 80-column terminal wrap, joined */
	char wrapped[256];
	snprintf(wrapped, sizeof(wrapped), "%-80.80s\n%s\n",
	         "[10:00:00:000] [1:1] [ERROR][com.freerdp.core] - [f]: freerdp_set_last_error_ex ER",
	         "RCONNECT_CONNECT_FAILED [0x00020006]");
	parse_ok(wrapped);
	ck_assert_uint_eq(log_.ev.last_error, 0x00020006);
	ck_assert(strstr(log_.wrappers, "wrapped"));
	/* A prompt with the next log line glued to it */
	parse_ok("Password: [10:00:00:000] [1:1] [ERROR][com.freerdp.core] - [f]: "
	         "ERRCONNECT_LOGON_FAILURE [0x00020014]\n");
	ck_assert_uint_eq(log_.ev.last_error, 0x00020014);
	ck_assert(strstr(log_.wrappers, "prompt"));
	/* Newest first (a log viewer): read oldest first, line numbers kept */
	ck_assert(rp_logtext_split("[10:00:03:000] c\n[10:00:02:000] b\n[10:00:01:000] a\n", &lt));
	ck_assert(lt.newest_first);
	ck_assert_str_eq(lt.lines[0].text, "[10:00:01:000] a");
	ck_assert_int_eq(lt.lines[0].no, 3);
	rp_logtext_free(&lt);
	/* Unpadded milliseconds and colours */
	ck_assert(rp_logtext_split("\x1b[31m[1:2:3:4] [1:1] [ERROR]\x1b[0m x\n", &lt));
	ck_assert_str_eq(lt.lines[0].text, "[1:2:3:4] [1:1] [ERROR] x");
	ck_assert(lt.colours);
	rp_logtext_free(&lt);
}
END_TEST

START_TEST(test_windows_forms)
{
	/* Event Viewer's text */
	parse_ok("Log Name:      Microsoft-Windows-TerminalServices-RDPClient/Operational\n"
	         "Source:        Microsoft-Windows-TerminalServices-ClientActiveXCore\n"
	         "Event ID:      1026\nLevel:         Information\nDescription:\n"
	         "RDP ClientActiveX has been disconnected (Reason= 2308)\n");
	ck_assert_int_eq(log_.kind, RP_LOG_WINDOWS_EVENT);
	ck_assert_int_eq(log_.windows_reason, 2308);
	/* Get-WinEvent's table: the session came up (1027), then dropped */
	parse_ok("TimeCreated                     Id LevelDisplayName Message\n"
	         "-----------                     -- ---------------- -------\n"
	         "12/1/2023 10:05:00 AM         1026 Information      RDP ClientActiveX has been "
	         "disconnected (Reason= 264)\n"
	         "12/1/2023 10:00:01 AM         1027 Information      Connected to domain (CORP) "
	         "with session ID 3.\n");
	ck_assert_int_eq(log_.windows_reason, 264);
	ck_assert(log_.win_connected && log_.session_lost);
	/* Format-List */
	parse_ok("Id      : 226\nMessage : RDPClient_SSL: An error was encountered when transitioning "
	         "from TsSslStateHandshakeInProgress to TsSslStateDisconnecting in response to "
	         "TsSslEventHandshakeContinueFailed. (Error code 0x80090326).\n");
	ck_assert_uint_eq(log_.win_ssl_error, 0x80090326u);
	/* XML, two events without a root; LocalSessionManager's UserData */
	ck_assert_int_eq(verdict_of(
	                     "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
	                     "<System><Provider Name='Microsoft-Windows-TerminalServices-"
	                     "LocalSessionManager'/><EventID>40</EventID></System><UserData>"
	                     "<EventXML><Session>2</Session><Reason>5</Reason></EventXML></UserData>"
	                     "</Event>\n<Event><System><Provider Name='x'/><EventID>1</EventID>"
	                     "</System></Event>\n"),
	                 RP_CAUSE_SERVER_ENDED_SESSION);
	ck_assert_uint_eq(log_.ev.error_info, 0x5);
}
END_TEST

START_TEST(test_generic_words)
{
	/* FreeRDP 2.x: a connect that failed, then the generic negotiation failure */
	ck_assert_int_eq(verdict_of(WLOG3 "failed to connect to 198.18.1.2\n" WLOG3
	                            "Protocol Security Negotiation Failure\n" WLOG3
	                            "freerdp_set_last_error ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED "
	                            "[0x0002000C]\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_PORT_FILTERED) && !names(RP_CAUSE_SECURITY_MISMATCH));
	/* the generic negotiation failure alone: security-mismatch is one of several */
	ck_assert_int_eq(verdict_of(WLOG3 "freerdp_set_last_error ERRCONNECT_SECURITY_NEGO_CONNECT_"
	                            "FAILED [0x0002000C]\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_SECURITY_MISMATCH) && names(RP_CAUSE_SERVER_DENIED));
	/* with the server's code it is the mismatch */
	ck_assert_int_eq(verdict_of(WLOG3 "Error: HYBRID_REQUIRED_BY_SERVER\n" WLOG3
	                            "freerdp_set_last_error ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED "
	                            "[0x0002000C]\n"),
	                 RP_CAUSE_SECURITY_MISMATCH);
	/* the gateway's bare HRESULT */
	ck_assert_int_eq(verdict_of("[DEBUG][com.freerdp.core.gateway.rdg] - Channel error 800759da\n" WLOG3
	                            "freerdp_set_last_error ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED "
	                            "[0x0002000C]\n"),
	                 RP_CAUSE_SERVER_DENIED);
	/* 1.x's generic NLA failure: bad credentials only with the server's access-denied alert */
	ck_assert_int_eq(verdict_of("credssp_recv() error: -1\nAuthentication failure, check "
	                            "credentials.\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_BAD_CREDENTIALS) && names(RP_CAUSE_SECURITY_MISMATCH));
	ck_assert_int_eq(verdict_of("SSL_read: error:14094419:SSL routines:SSL3_READ_BYTES:tlsv1 "
	                            "alert access denied\nAuthentication failure, check credentials.\n"),
	                 RP_CAUSE_BAD_CREDENTIALS);
	/* after a refused host key the same words are a consequence */
	ck_assert_int_eq(verdict_of("connected to 198.18.1.2:3389\nHost key verification failed.\n"
	                            "Authentication failure, check credentials.\n"),
	                 RP_CAUSE_CERTIFICATE_REJECTED);
	/* a session whose route went away */
	ck_assert_int_eq(verdict_of(WLOG3 "BIO_read returned a system error 101: Network is "
	                            "unreachable\n[INFO][com.freerdp.client.x11] - Network disconnect!\n"),
	                 RP_CAUSE_TUNNEL_DROP);
	/* the client ended a working session; xfreerdp then logs "Network disconnect!" too */
	ck_assert_int_eq(verdict_of("[DEBUG][com.freerdp.core.connection] - CONNECTION_STATE_ACTIVE\n" WLOG3
	                            "freerdp_set_last_error_ex ERRCONNECT_CONNECT_CANCELLED [0x0002000B]\n"
	                            "[INFO][com.freerdp.client.x11] - Network disconnect!\n"),
	                 RP_CAUSE_CONNECTED);
	/* a reset with no phase */
	ck_assert_int_eq(verdict_of("E/com.freerdp.core.transport: [pid=1:tid=2] - BIO_read returned a "
	                            "system error 104: Connection reset by peer\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_FIREWALL_RESET) && names(RP_CAUSE_SERVER_ENDED_SESSION));
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


/* A FreeRDP 2.x denial, as bytes in the encodings a Windows user hands over. */
static const char denial[] = "[13:01:02:345] [1:1] [ERROR][com.freerdp.core] - "
                             "ERRINFO_SERVER_DENIED_CONNECTION (0x00000007):The server denied "
                             "the connection.\r\n";

/* ascii as UTF-16 (le or be) after `bom` bytes of BOM, into out; its length. */
static size_t utf16(const char* ascii, bool le, bool bom, char* out)
{
	size_t n = 0;

	if (bom)
	{
		out[n++] = le ? '\xFF' : '\xFE';
		out[n++] = le ? '\xFE' : '\xFF';
	}
	for (const char* p = ascii; *p; p++)
	{
		out[n++] = le ? *p : '\0';
		out[n++] = le ? '\0' : *p;
	}
	return n;
}

START_TEST(test_encodings)
{
	char buf[1024];
	size_t n;
	static const struct
	{
		bool le, bom;
		const char* name;
	} forms[] = { { true, true, "UTF-16LE (BOM)" },
		          { false, true, "UTF-16BE (BOM)" },
		          { true, false, "UTF-16LE (no BOM)" },
		          { false, false, "UTF-16BE (no BOM)" } };

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
	{
		n = utf16(denial, forms[i].le, forms[i].bom, buf);
		ck_assert_msg(rp_fieldlog_parse_bytes("t", buf, n, &log_, NULL, &err), "%s: %s",
		              forms[i].name, err.msg);
		ck_assert_str_eq(log_.enc.name, forms[i].name);
		ck_assert_uint_eq(log_.ev.error_info, 0x7);
		ck_assert_uint_eq(log_.bytes, n);
	}
	/* UTF-8 with a BOM: the BOM is no part of the first line. */
	n = (size_t)snprintf(buf, sizeof(buf), "\xEF\xBB\xBF%s", denial);
	ck_assert(rp_fieldlog_parse_bytes("t", buf, n, &log_, NULL, &err));
	ck_assert_str_eq(log_.enc.name, "UTF-8 (BOM)");
	ck_assert_uint_eq(log_.ev.error_info, 0x7);
	/* NUL bytes (a log truncated under its writer, padding) neither end nor hide the text. */
	memset(buf, 0, 600);
	n = 600 + (size_t)snprintf(buf + 600, sizeof(buf) - 600, "x\n%s", denial);
	buf[601] = '\0';
	ck_assert(rp_fieldlog_parse_bytes("t", buf, n, &log_, NULL, &err));
	ck_assert_str_eq(log_.enc.name, "UTF-8");
	ck_assert_uint_eq(log_.enc.nul_bytes, 601);
	ck_assert_uint_eq(log_.ev.error_info, 0x7);
	/* Empty is refused, by name. */
	ck_assert(!rp_fieldlog_parse_bytes("e.log", buf, 0, &log_, NULL, &err));
	ck_assert_str_eq(err.msg, "e.log: empty");
}
END_TEST

START_TEST(test_decode_repairs)
{
	struct rp_encoding enc;
	char* out = NULL;
	size_t len = 0;
	/* UTF-16LE: "a", a lone high surrogate, "b", a lone low one, "c", and an odd last byte. */
	static const char le[] = "\xFF\xFE" "a\0" "\x00\xD8" "b\0" "\x00\xDC" "c\0" "d";
	/* UTF-8: a stray byte, a cut sequence at the end. */
	static const char u8[] = "a\xFF" "b\xC3";

	ck_assert(rp_logtext_decode(le, sizeof(le) - 1, &out, &len, &enc, &err));
	ck_assert_str_eq(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
	ck_assert_uint_eq(enc.replaced, 3);
	ck_assert_uint_eq(len, strlen(out));
	free(out);
	ck_assert(rp_logtext_decode(u8, sizeof(u8) - 1, &out, &len, &enc, &err));
	ck_assert_str_eq(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	ck_assert_str_eq(enc.name, "UTF-8");
	ck_assert_uint_eq(enc.replaced, 2);
	free(out);
	/* Too few code units to tell: read as UTF-8. */
	ck_assert(rp_logtext_decode("a\0", 2, &out, &len, &enc, &err));
	ck_assert_str_eq(enc.name, "UTF-8");
	ck_assert_str_eq(out, "a");
	free(out);
}
END_TEST

START_TEST(test_special_files_refused)
{
	char dir[] = "/tmp/rdprepro-check-fieldlog.XXXXXX", fifo[64];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	/* No writer: a blocking open would never return (the test's timeout would end it). */
	ck_assert(!rp_fieldlog_read(fifo, &log_, &err));
	ck_assert_msg(strstr(err.msg, "a FIFO") != NULL, "%s", err.msg);
	ck_assert(!rp_fieldlog_read(dir, &log_, &err));
	ck_assert_msg(strstr(err.msg, "a directory") != NULL, "%s", err.msg);
	ck_assert(!rp_fieldlog_read("/dev/zero", &log_, &err));
	ck_assert_msg(strstr(err.msg, "a character device") != NULL, "%s", err.msg);
	unlink(fifo);
	rmdir(dir);
}
END_TEST

/* Other clients' words (fieldlog_clients.c), each written from the client's own format
 * string: the facts are the ones FreeRDP's reader records for the same event. */
START_TEST(test_rdesktop_words)
{
	parse_ok("Autoselecting keyboard map 'en-us' from locale\n"
	         "Failed to connect, CredSSP required by server.\n");
	ck_assert_str_eq(log_.family, "rdesktop");
	ck_assert(log_.nego_code);
	ck_assert_uint_eq(log_.ev.last_error, 0x0002000C);
	parse_ok("Core(warning): cert_verify_callback(), certificate hostname mismatch\n"
	         "disconnect: The session was replaced.\n");
	ck_assert_uint_eq(log_.ev.error_info, 0x5);
	parse_ok("Core(error): tcp_connect(), unable to connect to 198.18.0.1\n");
	ck_assert_uint_eq(log_.ev.last_error, 0x00020006);
	ck_assert(log_.tcp_connect_failed);
	/* "The server denied the connection for security reasons" is 0x8, not 0x7 */
	parse_ok("Core(error): x\ndisconnect: The server denied the connection for security reasons.\n");
	ck_assert_uint_eq(log_.ev.error_info, 0x8);
	parse_ok("Core(error): x\ndisconnect: Internal protocol error: 10c9");
	ck_assert_uint_eq(log_.ev.error_info, 0x10C9);
}
END_TEST

START_TEST(test_ironrdp_words)
{
	parse_ok("Connection error: [Initiation] reason: enhanced RDP security not allowed by server\n");
	ck_assert_str_eq(log_.family, "IronRDP");
	ck_assert(log_.nego_code);
	parse_ok("Terminated gracefully: [Protocol independent error] The idle session limit timer on "
	         "the server has elapsed\n");
	ck_assert_uint_eq(log_.ev.error_info, 0x3);
	/* the spec's "his or her" where FreeRDP says "their" */
	parse_ok("Terminated gracefully: [Protocol independent error] The disconnection was initiated "
	         "by the user logging off his or her session on the server\n");
	ck_assert_uint_eq(log_.ev.error_info, 0xC);
	parse_ok("Connection error: [CredSSP] CredSSP, caused by: InvalidToken: CredSSP server "
	         "returned an error status; status is STATUS_LOGON_FAILURE [0xc000006d]\n");
	ck_assert_uint_eq(log_.ev.last_error, rp_last_error_from_name("ERRCONNECT_LOGON_FAILURE"));
	parse_ok("Connection error: [TCP connect @ crates/ironrdp-client/src/rdp.rs:1425] custom "
	         "error, caused by: Connection refused (os error 111)\n");
	ck_assert_int_eq(log_.errno_seen, ECONNREFUSED);
	ck_assert(log_.tcp_connect_failed);
	/* a Go client's words for the server's negotiation failure code */
	parse_ok("rdp connect: connection initiation: negotiation failure: failureCode = 5\n");
	ck_assert(log_.nego_code);
	ck_assert_uint_eq(log_.ev.last_error, 0x0002000C);
}
END_TEST

START_TEST(test_guacamole_words)
{
	parse_ok("guacd[7]: INFO:\tRDP server closed/refused connection: Server refused connection.\n");
	ck_assert_str_eq(log_.family, "guacd");
	ck_assert_int_eq(log_.n_said, 2);
	parse_ok("guacd[7]: INFO:\tRDP server closed/refused connection: Server refused connection "
	         "(wrong security type?)\n");
	ck_assert_int_eq(log_.n_said, 0);
	ck_assert_uint_eq(log_.ev.last_error, 0x0002000D);
	parse_ok("guacd[7]: DEBUG:\tDisconnect reason code: 0x101.\n");
	ck_assert_uint_eq(log_.ev.error_info, 0x101);
	/* the web application's tunnel to guacd: its refusal is guacd's port, not the server's */
	parse_ok("12:19:22.045 [http-nio-8080-exec-1] ERROR o.a.g.w.GuacamoleWebSocketTunnelEndpoint - "
	         "Creation of WebSocket tunnel to guacd failed: java.net.ConnectException: Connection "
	         "refused (Connection refused)\n");
	ck_assert(log_.proxy_unreached);
	ck_assert_int_eq(log_.errno_seen, 0);
}
END_TEST

START_TEST(test_windows_dialog)
{
	/* Ctrl+C on the dialog, labels in German: the codes are read by their place */
	parse_ok("[Window Title]\nRemotedesktopverbindung\n\n[Content]\nx\n\n[Expanded Information]\n"
	         "Fehlercode: 0x904\nErweiterter Fehlercode: 0x7\n");
	ck_assert_int_eq(log_.kind, RP_LOG_WINDOWS_DIALOG);
	ck_assert_int_eq(log_.windows_reason, 0x904);
	ck_assert_uint_eq(log_.ev.error_info, 0x7);
	/* full-width colons (Chinese), and a logon's SSL_ERR reason */
	parse_ok("[Window Title]\nx\n[Expanded Information]\n\xe9\x94\x99\xe8\xaf\xaf\xe4\xbb\xa3\xe7"
	         "\xa0\x81\xef\xbc\x9a 0xe07\n\xe6\x89\xa9\xe5\xb1\x95\xef\xbc\x9a 0x0\n");
	ck_assert_int_eq(log_.windows_reason, 0xE07);
	ck_assert_uint_eq(log_.ev.error_info, 0);
	ck_assert_uint_eq(log_.ev.last_error, rp_last_error_from_name("ERRCONNECT_ACCOUNT_EXPIRED"));
	/* a log that names CredSSP in passing is no dialog */
	parse_ok("Core(error): x\nERROR: CredSSP: Initialize failed, do you have correct kerberos tgt "
	         "initialized ?\n");
	ck_assert_int_ne(log_.kind, RP_LOG_WINDOWS_DIALOG);
	ck_assert(!log_.credssp_mismatch);
}
END_TEST

START_TEST(test_windows_status_numbers)
{
	parse_ok("NLA failed: 0x80090302\n");
	ck_assert(log_.credssp_mismatch);
	parse_ok("x [ERROR] status 0xC0000224 y\n");
	ck_assert_uint_eq(log_.ev.last_error, rp_last_error_from_name("ERRCONNECT_PASSWORD_MUST_CHANGE"));
	/* not a status: a longer number, or one WinPR does not name */
	parse_ok("[10:00:00:000] [1:1] [ERROR][com.freerdp.core] - value 0xC000006D1\n");
	ck_assert_uint_eq(log_.ev.last_error, 0);
	ck_assert_uint_eq(rp_errinfo_from_text("nothing like any errorInfo text at all here"), UINT32_MAX);
	/* FreeRDP's own lines name SSPI statuses in passing: a fact, no mismatch */
	parse_ok("[10:00:00:000] [1:1] [WARN][com.winpr.sspi] - [x]: QueryContextAttributes "
	         "SEC_E_UNSUPPORTED_FUNCTION [0x80090302]\n");
	ck_assert(!log_.credssp_mismatch);
	/* upper-case 0X, and one at the very end: each read once (an earlier loop never ended) */
	parse_ok("x [ERROR] 0X8007007E then 0x80090302 0X");
	ck_assert(log_.credssp_mismatch);
}
END_TEST

START_TEST(test_unrecognized_says_what)
{
	ck_assert(!rp_fieldlog_parse("t", "<html><body>502 Bad Gateway: upstream failed</body></html>\n",
	                             &log_, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "format not recognized: looks like an HTML page"));
	ck_assert_ptr_nonnull(strstr(err.msg, "line 1:"));
}
END_TEST

START_TEST(test_remmina_mremoteng_words)
{
	/* Remmina's messages, new and old wordings of one FreeRDP error */
	parse_ok("Could not access the RDP server \xe2\x80\x9chost\xe2\x80\x9d.\nAccount locked out.\n");
	ck_assert_uint_eq(log_.ev.last_error, rp_last_error_from_name("ERRCONNECT_ACCOUNT_LOCKED_OUT"));
	parse_ok("Access to RDP server host failed.\nAccount is locked out.\n");
	ck_assert_uint_eq(log_.ev.last_error, rp_last_error_from_name("ERRCONNECT_ACCOUNT_LOCKED_OUT"));
	parse_ok("Lost connection to the RDP server \"host\".\n");
	ck_assert_uint_eq(log_.ev.last_error, 0x00020006);
	parse_ok("libfreerdp returned code is 0002000D\nCannot connect to the \"host\" RDP server.\n");
	ck_assert_uint_eq(log_.ev.last_error, 0x0002000D);
	/* rdesktop's 0x8 is not Remmina's "denied the connection" */
	parse_ok("disconnect: The server denied the connection for security reasons.\n");
	ck_assert_uint_eq(log_.ev.error_info, 0x8);
	/* mRemoteNG 1.76: the reason on the line after */
	parse_ok("WarningMsg\nRDP disconnected!\n2308 Socket closed\n");
	ck_assert_int_eq(log_.windows_reason, 2308);
	ck_assert_str_eq(log_.family, "mRemoteNG");
	/* a number on the line after something else is no reason */
	ck_assert(!rp_fieldlog_parse("t", "RDP connected\n2308\n", &log_, &err) || log_.windows_reason == 0);
}
END_TEST

/* The verdicts the new facts lead to, each with a case that must not. */
START_TEST(test_other_clients_verdicts)
{
	/* a CredSSP mismatch the dialog names, in Chinese: security-mismatch */
	ck_assert_int_eq(verdict_of("\xe5\x87\xba\xe7\x8e\xb0\xe8\xba\xab\xe4\xbb\xbd\xe9\xaa\x8c"
	                            "\xe8\xaf\x81\xe9\x94\x99\xe8\xaf\xaf\xe3\x80\x82" "CredSSP\n"),
	                 RP_CAUSE_SECURITY_MISMATCH);
	/* the dialog's 0x904 with extended 0x7: the server denied it */
	ck_assert_int_eq(verdict_of("[Window Title]\nx\n[Expanded Information]\nError code: 0x904\n"
	                            "Extended error code: 0x7\n"),
	                 RP_CAUSE_SERVER_DENIED);
	/* 0x904 alone: undetermined, the socket-closed reason's causes */
	ck_assert_int_eq(verdict_of("[Window Title]\nx\n[Expanded Information]\nError code: 0x904\n"
	                            "Extended error code: 0x0\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_FIREWALL_RESET));
	/* guacd's "Server refused connection.": 0x6 or 0x7 */
	ck_assert_int_eq(verdict_of("guacd[7]: INFO:\tRDP server closed/refused connection: Server "
	                            "refused connection.\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_SERVER_DENIED) && names(RP_CAUSE_SERVER_OVERLOADED));
	/* ... and with the DEBUG line's code, that code decides */
	ck_assert_int_eq(verdict_of("guacd[7]: DEBUG:\tDisconnect reason code: 0x7.\nguacd[7]: INFO:\t"
	                            "RDP server closed/refused connection: Server refused connection.\n"),
	                 RP_CAUSE_SERVER_DENIED);
	/* the web application could not reach guacd: nothing was attempted; not port-closed */
	ck_assert_int_eq(verdict_of("12:19:22.045 [http-nio-8080-exec-1] ERROR o.a.g.w.Guacamole"
	                            "WebSocketTunnelEndpoint - Creation of WebSocket tunnel to guacd "
	                            "failed: java.net.ConnectException: Connection refused\n"),
	                 RP_CAUSE_NOT_ATTEMPTED);
	/* a plugin the loader could not load */
	ck_assert_int_eq(verdict_of("Error: /usr/lib/remmina/plugins/remmina-plugin-rdp.so: undefined "
	                            "symbol: freerdp_settings_set_string\n"),
	                 RP_CAUSE_NOT_ATTEMPTED);
	/* rdesktop closed by the peer right after its X.224 request: no errno, no answer */
	ck_assert_int_eq(verdict_of("Connecting to server using SSL...\nCore(error): rcp_recv(), "
	                            "connection closed by peer\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_SECURITY_MISMATCH) && names(RP_CAUSE_FIREWALL_RESET));
	/* a connect failure whose message names no errno keeps a refusal possible; with the
	 * errno, FreeRDP's reading stands */
	ck_assert_int_eq(verdict_of("Core(error): tcp_connect(), unable to connect to 198.18.0.1\n"),
	                 RP_CAUSE_UNDETERMINED);
	ck_assert(names(RP_CAUSE_PORT_CLOSED) && names(RP_CAUSE_PORT_FILTERED));
	ck_assert_int_eq(verdict_of("Core(error): tcp_connect(), connect() failed: Connection "
	                            "refused\n"),
	                 RP_CAUSE_PORT_CLOSED);
	/* RemoteApp refused by the server's allow list: never "connected" */
	ck_assert_int_eq(verdict_of("[10:00:00:000] [1:1] [ERROR][com.freerdp.client.x11.rail] - RAIL "
	                            "exec error: execResult=RAIL_EXEC_E_NOT_IN_ALLOWLIST NtError=0x15\n"),
	                 RP_CAUSE_SERVER_DENIED);
	/* the user closed the window of a working session: connected */
	ck_assert_int_eq(verdict_of("[10:00:00:000] [1:1] [INFO][com.freerdp.client.x11] - "
	                            "[xf_client_thread]: Closed from X11\n"),
	                 RP_CAUSE_CONNECTED);
	/* AVD: a documented name, and an undocumented one that is a fact only */
	ck_assert_int_eq(verdict_of("ErrorCodeSymbolic : ConnectionFailedUserNotAuthorized\n"),
	                 RP_CAUSE_SERVER_DENIED);
	ck_assert_int_eq(verdict_of("ErrorCodeSymbolic : SomethingNobodyDocuments\n"),
	                 RP_CAUSE_UNDETERMINED);
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
	tcase_add_test(tc, test_errinfo_table);
	tcase_add_test(tc, test_errinfo_lines);
	tcase_add_test(tc, test_freerdp1_and_licensing);
	tcase_add_test(tc, test_nla_and_gateway);
	tcase_add_test(tc, test_cmdline_and_dns);
	tcase_add_test(tc, test_errno_per_platform);
	tcase_add_test(tc, test_wrappers);
	tcase_add_test(tc, test_line_repairs);
	tcase_add_test(tc, test_windows_forms);
	tcase_add_test(tc, test_generic_words);
	tcase_add_test(tc, test_encodings);
	tcase_add_test(tc, test_decode_repairs);
	tcase_add_test(tc, test_special_files_refused);
	tcase_add_test(tc, test_rdesktop_words);
	tcase_add_test(tc, test_ironrdp_words);
	tcase_add_test(tc, test_guacamole_words);
	tcase_add_test(tc, test_windows_dialog);
	tcase_add_test(tc, test_windows_status_numbers);
	tcase_add_test(tc, test_unrecognized_says_what);
	tcase_add_test(tc, test_other_clients_verdicts);
	tcase_add_test(tc, test_remmina_mremoteng_words);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
