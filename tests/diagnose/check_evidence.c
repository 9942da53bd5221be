/* check_evidence.c: the evidence record: phases, attempts, JSON round trip, summary. */
#include <check.h>
#include "check_util.h"
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"

START_TEST(test_phase_names_round_trip)
{
	for (int i = 0; i < RP_PHASE_COUNT; i++)
		ck_assert_int_eq(rp_phase_from_name(rp_phase_name((enum rp_phase)i)), i);
	ck_assert_int_eq(rp_phase_from_name("tlss"), RP_PHASE_COUNT);
	ck_assert_int_eq(rp_phase_from_name(NULL), RP_PHASE_COUNT);
	ck_assert_str_eq(rp_phase_name(RP_PHASE_COUNT), "invalid");
}
END_TEST

START_TEST(test_mark_keeps_first_time_and_furthest)
{
	struct rp_evidence ev;
	struct rp_attempt* a;

	rp_evidence_init(&ev);
	ck_assert_int_eq(rp_evidence_furthest(&ev), RP_PHASE_NONE);
	/* No attempt yet: marks are ignored, not crashes. */
	rp_evidence_mark(&ev, 1, RP_PHASE_TLS, "x");
	ck_assert_int_eq(ev.n_attempts, 0);

	a = rp_evidence_begin_attempt(&ev, 0);
	ck_assert_ptr_nonnull(a);
	rp_evidence_mark(&ev, 1, RP_PHASE_TCP, "tcp-connect");
	rp_evidence_mark(&ev, 2, RP_PHASE_X224, "tcp-connected");
	rp_evidence_mark(&ev, 3, RP_PHASE_TLS, "tls-start");
	rp_evidence_mark(&ev, 3.5, RP_PHASE_TLS, "tls-start"); /* repeated: recorded once */
	rp_evidence_mark(&ev, 4, RP_PHASE_TLS, "tls-done");
	rp_evidence_mark(&ev, 5, RP_PHASE_X224, "CONNECTION_STATE_NEGO"); /* a step back */
	ck_assert_int_eq(a->n_events, 5);
	ck_assert_double_eq(a->t_phase_ms[RP_PHASE_TLS], 3);
	ck_assert_double_eq(a->t_phase_ms[RP_PHASE_X224], 2);
	ck_assert_int_eq(a->furthest, RP_PHASE_TLS);
	ck_assert_str_eq(a->last_state, "CONNECTION_STATE_NEGO");
	ck_assert(!rp_evidence_active(&ev));
	ck_assert_double_eq(rp_evidence_connect_to_active_ms(&ev), -1);
}
END_TEST

START_TEST(test_attempts_are_separate)
{
	struct rp_evidence ev;

	rp_evidence_init(&ev);
	rp_evidence_begin_attempt(&ev, 0);
	rp_evidence_mark(&ev, 1, RP_PHASE_TLS, "tls-start");
	rp_evidence_begin_attempt(&ev, 100);
	ev.attempts[1].t_established_ms = 101;
	rp_evidence_mark(&ev, 101, RP_PHASE_TCP, "tcp-connected");
	rp_evidence_mark(&ev, 130, RP_PHASE_ACTIVE, "CONNECTION_STATE_ACTIVE");
	ck_assert_int_eq(ev.n_attempts, 2);
	ck_assert_int_eq(ev.attempts[0].furthest, RP_PHASE_TLS);
	ck_assert_int_eq(ev.attempts[1].furthest, RP_PHASE_ACTIVE);
	ck_assert_double_eq(ev.attempts[1].t_phase_ms[RP_PHASE_TLS], -1);
	ck_assert(rp_evidence_active(&ev));
	ck_assert_double_eq(rp_evidence_connect_to_active_ms(&ev), 29);
	for (int i = 2; i < RP_MAX_ATTEMPTS; i++)
		ck_assert_ptr_nonnull(rp_evidence_begin_attempt(&ev, 200));
	ck_assert_ptr_null(rp_evidence_begin_attempt(&ev, 300));
}
END_TEST

START_TEST(test_events_bounded)
{
	struct rp_evidence ev;
	char s[16];

	rp_evidence_init(&ev);
	rp_evidence_begin_attempt(&ev, 0);
	for (int i = 0; i < RP_MAX_EVENTS + 10; i++)
	{
		snprintf(s, sizeof(s), "s%d", i);
		rp_evidence_mark(&ev, i, RP_PHASE_MCS, s);
	}
	ck_assert_int_eq(ev.attempts[0].n_events, RP_MAX_EVENTS);
}
END_TEST

static void fill(struct rp_evidence* ev)
{
	struct rp_attempt* a;

	rp_evidence_init(ev);
	strcpy(ev->target, "198.18.1.2:3389");
	strcpy(ev->freerdp_version, "3.10.3");
	ev->deadline_ms = 20000;
	ev->hold_ms = 500;
	ev->t0_mono_ms = 123456.789;
	a = rp_evidence_begin_attempt(ev, 0.5);
	rp_evidence_mark(ev, 1, RP_PHASE_TCP, "tcp-connect");
	rp_evidence_mark(ev, 2, RP_PHASE_X224, "CONNECTION_STATE_NEGO");
	a->t_established_ms = 1.5;
	rp_evidence_mark(ev, 7.25, RP_PHASE_TLS, "tls-start");
	a->t_end_ms = 9000;
	a->last_error = 0x0002000D;
	strcpy(a->last_error_name, "FREERDP_ERROR_CONNECT_TRANSPORT_FAILED");
	a->sock_errno = 110;
	a->tcp.valid = true;
	a->tcp.retransmits = 7;
	a->tcp.rtt_us = 1234;
	a->tcp.min_rtt_us = 99;
	a->tcp.delivery_rate = 5000000000ULL;
	a->tcp.rcv_ooopack = 3;
	a->tcp.pmtu = 1500;
	a->tcp.bytes_acked = 4000000000ULL; /* past 32 bits */
	a = rp_evidence_begin_attempt(ev, 9001);
	rp_evidence_mark(ev, 9002, RP_PHASE_ACTIVE, "CONNECTION_STATE_ACTIVE");
	ev->last_error = 0x00010007;
	strcpy(ev->last_error_name, "ERRINFO_SERVER_DENIED_CONNECTION");
	ev->cert_rejected = true;
	strcpy(ev->cert_problem, "certificate has expired");
	ev->recheck.tcp = RP_RECHECK_CONNECTED;
	ev->recheck.x224 = RP_X224_ANSWERED;
	ev->recheck.tls = RP_RECHECK_TLS_SILENT;
	ev->recheck.tls_bytes_in = 12;
	ev->recheck.tls_small_mss = RP_RECHECK_TLS_DONE;
	ev->recheck.tls_small_mss_ms = 2.5;
	ev->recheck.bw.run = true;
	ev->recheck.bw.size = 576;
	ev->recheck.bw.n_sent = 8;
	ev->recheck.bw.n = 2;
	ev->recheck.bw.seq[1] = 1;
	ev->recheck.bw.t_ms[0] = 725.5;
	ev->recheck.bw.t_ms[1] = 1013.5;
	strcpy(ev->last_error_string, "the server denied \"us\"\nnewline");
	ev->error_info = 7;
	ev->connect_returned_true = true;
	ev->bytes_in = 955;
	ev->t_total_ms = 9500.125;
}

START_TEST(test_json_round_trip)
{
	struct rp_evidence ev, back;
	struct rp_err err = { "" };
	char* js;
	char* js2;

	fill(&ev);
	js = rp_evidence_to_json(&ev);
	ck_assert_ptr_nonnull(js);
	ck_assert_msg(rp_evidence_from_json(&back, js, &err), "%s", err.msg);
	ck_assert_int_eq(back.n_attempts, 2);
	ck_assert_str_eq(back.target, ev.target);
	ck_assert_int_eq(back.attempts[0].last_error, 0x0002000D);
	ck_assert_int_eq(back.attempts[0].sock_errno, 110);
	ck_assert_int_eq(back.attempts[0].tcp.retransmits, 7);
	ck_assert(back.attempts[0].tcp.bytes_acked == 4000000000ULL);
	ck_assert(back.attempts[0].tcp.delivery_rate == 5000000000ULL);
	ck_assert_int_eq(back.attempts[0].tcp.min_rtt_us, 99);
	ck_assert_int_eq(back.attempts[0].tcp.rcv_ooopack, 3);
	ck_assert_double_eq_tol(back.attempts[0].t_phase_ms[RP_PHASE_TLS], 7.25, 1e-9);
	ck_assert_double_eq(back.attempts[0].t_phase_ms[RP_PHASE_MCS], -1);
	ck_assert_int_eq(back.attempts[0].n_events, 3);
	ck_assert_double_eq_tol(back.attempts[0].t_established_ms, 1.5, 1e-9);
	ck_assert_double_eq(back.attempts[1].t_established_ms, -1);
	ck_assert_str_eq(back.attempts[0].events[2].state, "tls-start");
	ck_assert_int_eq(back.attempts[1].furthest, RP_PHASE_ACTIVE);
	ck_assert_int_eq(back.error_info, 7);
	ck_assert_int_eq(back.last_error, 0x00010007);
	ck_assert_str_eq(back.last_error_string, ev.last_error_string);
	ck_assert(back.connect_returned_true);
	ck_assert_double_eq_tol(back.t0_mono_ms, 123456.789, 1e-6);
	ck_assert(back.cert_rejected);
	ck_assert_str_eq(back.cert_problem, "certificate has expired");
	ck_assert_int_eq(back.recheck.tls, RP_RECHECK_TLS_SILENT);
	ck_assert_int_eq(back.recheck.tls_small_mss, RP_RECHECK_TLS_DONE);
	ck_assert(back.recheck.tls_bytes_in == 12);
	ck_assert_double_eq_tol(back.recheck.tls_small_mss_ms, 2.5, 1e-9);
	ck_assert(back.recheck.bw.run);
	ck_assert_int_eq(back.recheck.bw.size, 576);
	ck_assert_int_eq(back.recheck.bw.n_sent, 8);
	ck_assert_int_eq(back.recheck.bw.n, 2);
	ck_assert_int_eq(back.recheck.bw.seq[1], 1);
	ck_assert_double_eq_tol(back.recheck.bw.t_ms[1], 1013.5, 1e-6);
	/* A second trip gives the same text: nothing is lost or invented. */
	js2 = rp_evidence_to_json(&back);
	ck_assert_str_eq(js, js2);
	free(js);
	free(js2);
}
END_TEST

START_TEST(test_json_rejects_bad_input)
{
	struct rp_evidence ev;
	struct rp_err err = { "" };

	ck_assert(!rp_evidence_from_json(&ev, "{", &err));
	ck_assert(strstr(err.msg, "not JSON") != NULL);
	ck_assert(!rp_evidence_from_json(&ev, "[1,2]", &err));
	ck_assert(!rp_evidence_from_json(&ev, "{\"last_error\": 7}", &err));
	ck_assert(strstr(err.msg, "last_error") != NULL);
	ck_assert(!rp_evidence_from_json(&ev, "{\"last_error\": \"0xZZ\"}", &err));
	ck_assert(!rp_evidence_from_json(&ev, "{\"attempts\": [ {\"furthest\": \"warp\"} ]}", &err));
	ck_assert(strstr(err.msg, "warp") != NULL);
	ck_assert(!rp_evidence_from_json(&ev, "{\"attempts\": [ 3 ]}", &err));
	ck_assert(!rp_evidence_from_json(&ev, "{\"attempts\": [ {\"phases\": {\"tls\": \"x\"}} ]}", &err));
	/* Not a finite number, an activity or a recheck stage no writer has: refused, named. */
	ck_assert(!rp_evidence_from_json(&ev, "{\"attempts\": [ {\"t_end_ms\": NaN} ]}", &err));
	ck_assert(strstr(err.msg, "t_end_ms") != NULL && strstr(err.msg, "finite") != NULL);
	ck_assert(!rp_evidence_from_json(&ev, "{\"attempts\": [ {\"phases\": {\"tls\": Infinity}} ]}", &err));
	ck_assert(!rp_evidence_from_json(&ev, "{\"session\": {\"activity\": \"dancing\"}}", &err));
	ck_assert(strstr(err.msg, "dancing") != NULL);
	ck_assert(!rp_evidence_from_json(&ev, "{\"recheck\": {\"tcp\": \"maybe\"}}", &err));
	ck_assert(strstr(err.msg, "maybe") != NULL);
	/* Absent, they keep their defaults: idle, not run. */
	ck_assert(rp_evidence_from_json(&ev, "{\"session\": {}, \"recheck\": {}}", &err));
	ck_assert_int_eq(ev.session.activity, RP_ACTIVITY_IDLE);
	/* An empty object is a valid, empty record. */
	ck_assert(rp_evidence_from_json(&ev, "{}", &err));
	ck_assert_int_eq(ev.n_attempts, 0);
}
END_TEST

/* What the server sent that never arrived in order: a segment that passed beyond a hole (a
 * small one under an MTU that drops the full-size ones) does not hide the hole. */
START_TEST(test_tcp_unseen)
{
	/* The server's ISN 1000: 3000 bytes arrived in order, its ACKs carry snd_nxt 4001. */
	ck_assert_int_eq(rp_tcp_unseen(1000, 4001, 3000, false, 0), 0);
	/* It sent 36090 more that were lost: its ACKs are that far ahead. */
	ck_assert_int_eq(rp_tcp_unseen(1000, 4001 + 36090, 3000, false, 0), 36090);
	/* Lost full-size segments with a small one after them that came: the kernel's in-order
	 * count stops at the hole, so the small one does not make the gap vanish. */
	ck_assert_int_eq(rp_tcp_unseen(1000, 4001 + 2 * 1448 + 500, 3000, false, 0), 2 * 1448 + 500);
	/* The FIN arrived in order: its sequence number is no data. */
	ck_assert_int_eq(rp_tcp_unseen(1000, 4002, 3000, true, 4001), 0);
	/* A FIN beyond a hole: the hole counts. */
	ck_assert_int_eq(rp_tcp_unseen(1000, 9002, 3000, true, 9001), 5001);
	/* An ACK older than what arrived since (read first, counted after): not ahead. */
	ck_assert_int_eq(rp_tcp_unseen(1000, 3001, 3000, false, 0), 0);
	/* Sequence numbers wrap. */
	ck_assert_int_eq(rp_tcp_unseen(0xFFFFFF00u, 0x00000100u + 1448, 0x1FF, false, 0), 1448);
}
END_TEST

START_TEST(test_file_round_trip)
{
	struct rp_evidence ev, back;
	struct rp_err err = { "" };
	char path[] = "/tmp/rdprepro-check-XXXXXX";
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	fill(&ev);
	ck_assert_msg(rp_evidence_write_json(&ev, path, &err), "%s", err.msg);
	ck_assert_msg(rp_evidence_read_json(&back, path, &err), "%s", err.msg);
	ck_assert_int_eq(back.n_attempts, 2);
	unlink(path);
	ck_assert(!rp_evidence_read_json(&back, path, &err));
	ck_assert(strstr(err.msg, path) != NULL);
}
END_TEST

START_TEST(test_summary_names_the_facts)
{
	struct rp_evidence ev;
	char* s;

	fill(&ev);
	s = rp_evidence_summary(&ev, "  ");
	ck_assert_ptr_nonnull(s);
	ck_assert(strstr(s, "attempt 1: furthest tls, error FREERDP_ERROR_CONNECT_TRANSPORT_FAILED") != NULL);
	ck_assert(strstr(s, "errno ETIMEDOUT") != NULL);
	ck_assert(strstr(s, "retransmits 7") != NULL);
	ck_assert(strstr(s, "server errorInfo: - 0x00000007") != NULL);
	ck_assert(strstr(s, "active reached") != NULL);
	ck_assert(strstr(s, "attempt 2: furthest active, TCP never established") != NULL);
	free(s);
}
END_TEST

int main(void)
{
	Suite* s = suite_create("evidence");
	TCase* tc = tcase_create("core");

	tcase_add_test(tc, test_phase_names_round_trip);
	tcase_add_test(tc, test_mark_keeps_first_time_and_furthest);
	tcase_add_test(tc, test_attempts_are_separate);
	tcase_add_test(tc, test_events_bounded);
	tcase_add_test(tc, test_json_round_trip);
	tcase_add_test(tc, test_json_rejects_bad_input);
	tcase_add_test(tc, test_file_round_trip);
	tcase_add_test(tc, test_tcp_unseen);
	tcase_add_test(tc, test_summary_names_the_facts);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
