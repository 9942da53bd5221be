/* evidence_json.c: the evidence record written as JSON (json-c): evidence.json, the record the
 * probe leaves and the runner and `rdprepro classify` read back (evidence_json_read.c). */
#include "evidence.h"
#include "evidence_fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

static void add_str(json_object* o, const char* k, const char* v)
{
	json_object_object_add(o, k, json_object_new_string(v ? v : ""));
}

static void add_int(json_object* o, const char* k, int64_t v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static void add_hex(json_object* o, const char* k, uint32_t v)
{
	char buf[16];
	snprintf(buf, sizeof(buf), "0x%08X", v);
	add_str(o, k, buf);
}

static void add_ms(json_object* o, const char* k, double v)
{
	/* Three decimals: microseconds are more than a record needs. */
	json_object_object_add(o, k, json_object_new_double((double)(int64_t)(v * 1000.0) / 1000.0));
}

#define FIELD(type, member, key, kind) { key, offsetof(type, member), kind }

static const struct ev_field tcpinfo_rows[] = {
	FIELD(struct rp_tcpinfo, valid, "valid", EV_BOOL),
	FIELD(struct rp_tcpinfo, state, "state", EV_U32),
	FIELD(struct rp_tcpinfo, retransmits, "retransmits", EV_U32),
	FIELD(struct rp_tcpinfo, rtt_us, "rtt_us", EV_U32),
	FIELD(struct rp_tcpinfo, rttvar_us, "rttvar_us", EV_U32),
	FIELD(struct rp_tcpinfo, min_rtt_us, "min_rtt_us", EV_U32),
	FIELD(struct rp_tcpinfo, delivery_rate, "delivery_rate", EV_U64),
	FIELD(struct rp_tcpinfo, rcv_ooopack, "rcv_ooopack", EV_U32),
	FIELD(struct rp_tcpinfo, dsack_dups, "dsack_dups", EV_U32),
	FIELD(struct rp_tcpinfo, pmtu, "pmtu", EV_U32),
	FIELD(struct rp_tcpinfo, snd_mss, "snd_mss", EV_U32),
	FIELD(struct rp_tcpinfo, bytes_acked, "bytes_acked", EV_U64),
	FIELD(struct rp_tcpinfo, bytes_received, "bytes_received", EV_U64),
	FIELD(struct rp_tcpinfo, unacked, "unacked", EV_U32),
	FIELD(struct rp_tcpinfo, probes, "probes", EV_U32),
	FIELD(struct rp_tcpinfo, backoff, "backoff", EV_U32),
	FIELD(struct rp_tcpinfo, last_data_recv_ms, "last_data_recv_ms", EV_U32),
	FIELD(struct rp_tcpinfo, last_ack_recv_ms, "last_ack_recv_ms", EV_U32),
	FIELD(struct rp_tcpinfo, rcv_mss, "rcv_mss", EV_U32),
	FIELD(struct rp_tcpinfo, advmss, "advmss", EV_U32),
};

static const struct ev_field timers_rows[] = {
	FIELD(struct rp_client_timers, keepalive, "keepalive", EV_BOOL),
	FIELD(struct rp_client_timers, keepalive_delay, "keepalive_delay_s", EV_U32),
	FIELD(struct rp_client_timers, keepalive_interval, "keepalive_interval_s", EV_U32),
	FIELD(struct rp_client_timers, keepalive_retries, "keepalive_retries", EV_U32),
	FIELD(struct rp_client_timers, ack_timeout_ms, "ack_timeout_ms", EV_U32),
	FIELD(struct rp_client_timers, connect_timeout_ms, "connect_timeout_ms", EV_U32),
	FIELD(struct rp_client_timers, errinfo_pdu, "errinfo_pdu", EV_BOOL),
};

static const struct ev_field liveness_rows[] = {
	FIELD(struct rp_liveness, keepalive, "keepalive", EV_BOOL),
	FIELD(struct rp_liveness, idle_ms, "idle_ms", EV_MS),
	FIELD(struct rp_liveness, ms, "ms", EV_MS),
	FIELD(struct rp_liveness, unacked, "unacked", EV_U32),
	FIELD(struct rp_liveness, backoff, "backoff", EV_U32),
	FIELD(struct rp_liveness, retransmits, "retransmits", EV_U32),
};

static const struct ev_field sample_rows[] = {
	FIELD(struct rp_session_sample, t_ms, "t_ms", EV_MS),
	FIELD(struct rp_session_sample, bytes_in, "bytes_in", EV_U64),
	FIELD(struct rp_session_sample, bytes_out, "bytes_out", EV_U64),
	FIELD(struct rp_session_sample, updates, "updates", EV_U32),
	FIELD(struct rp_session_sample, retransmits, "retransmits", EV_U32),
	FIELD(struct rp_session_sample, unacked, "unacked", EV_U32),
	FIELD(struct rp_session_sample, last_data_recv_ms, "last_data_recv_ms", EV_U32),
	FIELD(struct rp_session_sample, last_ack_recv_ms, "last_ack_recv_ms", EV_U32),
};

#define TABLE(rows) { rows, sizeof(rows) / sizeof(rows[0]) }
const struct ev_fields ev_tcpinfo_fields = TABLE(tcpinfo_rows);
const struct ev_fields ev_timers_fields = TABLE(timers_rows);
const struct ev_fields ev_liveness_fields = TABLE(liveness_rows);
const struct ev_fields ev_sample_fields = TABLE(sample_rows);

/* Adds the table's fields of the struct at s to o, in the table's order. */
static void fields_to_json(json_object* o, const struct ev_fields* t, const void* s)
{
	for (size_t i = 0; i < t->n; i++)
	{
		const struct ev_field* f = &t->rows[i];
		const char* p = (const char*)s + f->offset;
		switch (f->kind)
		{
			case EV_U32:
				add_int(o, f->key, *(const uint32_t*)p);
				break;
			case EV_U64:
				add_int(o, f->key, (int64_t)*(const uint64_t*)p);
				break;
			case EV_BOOL:
				json_object_object_add(o, f->key, json_object_new_boolean(*(const bool*)p));
				break;
			case EV_MS:
				add_ms(o, f->key, *(const double*)p);
				break;
		}
	}
}

static json_object* tcp_to_json(const struct rp_tcpinfo* t)
{
	json_object* o = json_object_new_object();

	fields_to_json(o, &ev_tcpinfo_fields, t);
	return o;
}

static json_object* attempt_to_json(const struct rp_attempt* a)
{
	json_object* o = json_object_new_object();
	json_object* phases = json_object_new_object();
	json_object* events = json_object_new_array();

	add_ms(o, "t_start_ms", a->t_start_ms);
	add_ms(o, "t_end_ms", a->t_end_ms);
	add_ms(o, "t_established_ms", a->t_established_ms);
	for (int i = RP_PHASE_TCP; i < RP_PHASE_COUNT; i++)
		if (a->t_phase_ms[i] >= 0)
			add_ms(phases, rp_phase_name((enum rp_phase)i), a->t_phase_ms[i]);
	json_object_object_add(o, "phases", phases);
	add_str(o, "furthest", rp_phase_name(a->furthest));
	add_str(o, "last_state", a->last_state);
	add_hex(o, "last_error", a->last_error);
	add_str(o, "last_error_name", a->last_error_name);
	add_int(o, "errno", a->sock_errno);
	add_str(o, "errno_name", a->sock_errno ? strerrorname_np(a->sock_errno) : "");
	add_str(o, "end", rp_end_name(a->end));
	add_int(o, "local_port", a->local_port);
	add_int(o, "ttl_synack", a->ttl_synack);
	add_int(o, "ttl_rst", a->ttl_rst);
	add_int(o, "ttl_fin", a->ttl_fin);
	add_int(o, "server_unseen", a->server_unseen);
	json_object_object_add(o, "tcp", tcp_to_json(&a->tcp));
	for (int i = 0; i < a->n_events; i++)
	{
		json_object* e = json_object_new_object();
		add_ms(e, "t_ms", a->events[i].t_ms);
		add_str(e, "phase", rp_phase_name(a->events[i].phase));
		add_str(e, "state", a->events[i].state);
		json_object_array_add(events, e);
	}
	json_object_object_add(o, "events", events);
	return o;
}

static json_object* session_to_json(const struct rp_session* ss)
{
	json_object* o = json_object_new_object();
	json_object* arr = json_object_new_array();

	add_int(o, "want_ms", ss->want_ms);
	add_str(o, "activity", rp_activity_name(ss->activity));
	add_int(o, "every_ms", ss->every_ms);
	add_ms(o, "t_active_ms", ss->t_active_ms);
	add_ms(o, "t_end_ms", ss->t_end_ms);
	json_object_object_add(o, "held", json_object_new_boolean(ss->held));
	add_int(o, "updates", ss->updates);
	add_int(o, "update_pixels", (int64_t)ss->update_pixels);
	add_ms(o, "t_first_update_ms", ss->t_first_update_ms);
	add_ms(o, "t_last_update_ms", ss->t_last_update_ms);
	add_int(o, "inputs", ss->inputs);
	add_int(o, "heartbeats", ss->heartbeats);
	add_int(o, "heartbeat_period_s", ss->heartbeat_period_s);
	add_ms(o, "t_last_heartbeat_ms", ss->t_last_heartbeat_ms);
	json_object_object_add(o, "dpu", json_object_new_boolean(ss->dpu));
	add_int(o, "dpu_reason", ss->dpu_reason);
	add_ms(o, "t_dpu_ms", ss->t_dpu_ms);
	add_ms(o, "t_error_info_ms", ss->t_error_info_ms);
	json_object_object_add(o, "error_info_pdu", json_object_new_boolean(ss->error_info_pdu));
	add_int(o, "reconnects", ss->reconnects);
	json_object_object_add(o, "reconnected", json_object_new_boolean(ss->reconnected));
	for (int i = 0; i < ss->n_samples && i < RP_SESSION_SAMPLES; i++)
	{
		json_object* j = json_object_new_object();
		fields_to_json(j, &ev_sample_fields, &ss->samples[i]);
		json_object_array_add(arr, j);
	}
	json_object_object_add(o, "samples", arr);
	add_ms(o, "t_last_pdu_ms", ss->t_last_pdu_ms);
	{
		json_object* q = json_object_new_array();
		for (int i = 0; i < ss->n_quiet && i < RP_QUIET_SPELLS; i++)
		{
			json_object* j = json_object_new_object();
			add_ms(j, "t_ms", ss->quiet_start_ms[i]);
			add_ms(j, "ms", ss->quiet_ms[i]);
			json_object_array_add(q, j);
		}
		json_object_object_add(o, "quiet", q);
	}
	return o;
}

static json_object* timers_to_json(const struct rp_client_timers* tm)
{
	json_object* t = json_object_new_object();

	fields_to_json(t, &ev_timers_fields, tm);
	return t;
}

static json_object* liveness_to_json(const struct rp_liveness* lv)
{
	json_object* l = json_object_new_object();

	add_str(l, "result", rp_alive_name(lv->result));
	fields_to_json(l, &ev_liveness_fields, lv);
	return l;
}

/* The recheck's bandwidth stage: the train's size and, reply by reply, its request and time. */
static json_object* bandwidth_to_json(const struct rp_bw_probe* bw)
{
	json_object* b = json_object_new_object();
	json_object* arr = json_object_new_array();

	for (int i = 0; i < bw->n && i < RP_BW_SAMPLES; i++)
	{
		json_object* r = json_object_new_object();
		add_int(r, "seq", bw->seq[i]);
		add_ms(r, "t_ms", bw->t_ms[i]);
		json_object_array_add(arr, r);
	}
	add_int(b, "size", bw->size);
	add_int(b, "sent", bw->n_sent);
	add_int(b, "errno", bw->sock_errno);
	json_object_object_add(b, "replies", arr);
	return b;
}

/* The recheck's stages, each present only if it ran. */
static json_object* recheck_to_json(const struct rp_evidence* ev)
{
	json_object* rc = json_object_new_object();

	add_str(rc, "tcp", rp_recheck_tcp_name(ev->recheck.tcp));
	if (ev->recheck.not_run[0])
		add_str(rc, "not_run", ev->recheck.not_run);
	add_str(rc, "x224", rp_recheck_x224_name(ev->recheck.x224));
	add_ms(rc, "tcp_ms", ev->recheck.tcp_ms);
	add_ms(rc, "x224_ms", ev->recheck.x224_ms);
	if (ev->recheck.x224_info)
	{
		add_int(rc, "x224_unacked", ev->recheck.x224_unacked);
		add_int(rc, "x224_retrans", ev->recheck.x224_retrans);
	}
	add_str(rc, "tls", rp_recheck_tls_name(ev->recheck.tls));
	add_ms(rc, "tls_ms", ev->recheck.tls_ms);
	add_int(rc, "tls_bytes_in", (int64_t)ev->recheck.tls_bytes_in);
	add_str(rc, "tls_small_mss", rp_recheck_tls_name(ev->recheck.tls_small_mss));
	add_ms(rc, "tls_small_mss_ms", ev->recheck.tls_small_mss_ms);
	if (ev->recheck.bw.run)
		json_object_object_add(rc, "bandwidth", bandwidth_to_json(&ev->recheck.bw));
	if (ev->recheck.ping.run)
	{
		json_object* j = json_object_new_object();
		add_int(j, "sent", ev->recheck.ping.n_sent);
		add_int(j, "replies", ev->recheck.ping.n);
		add_int(j, "errno", ev->recheck.ping.sock_errno);
		json_object_object_add(rc, "ping", j);
	}
	if (ev->recheck.sizes.run)
	{
		const struct rp_size_probe* z = &ev->recheck.sizes;
		json_object* j = json_object_new_object();
		add_int(j, "errno", z->sock_errno);
		add_int(j, "big", z->big);
		add_int(j, "big_sent", z->big_sent);
		add_int(j, "big_answered", z->big_answered);
		add_int(j, "small_sent", z->small_sent);
		add_int(j, "small_answered", z->small_answered);
		json_object_object_add(rc, "sizes", j);
	}
	if (ev->recheck.replay.run || ev->recheck.replay.not_run[0])
	{
		const struct rp_replay* rr = &ev->recheck.replay;
		json_object* j = json_object_new_object();
		json_object_object_add(j, "run", json_object_new_boolean(rr->run));
		add_str(j, "not_run", rr->not_run);
		add_int(j, "deadline_ms", rr->deadline_ms);
		add_str(j, "furthest", rp_phase_name(rr->furthest));
		json_object_object_add(j, "active", json_object_new_boolean(rr->active));
		add_str(j, "end", rp_end_name(rr->end));
		add_hex(j, "last_error", rr->last_error);
		add_ms(j, "ms", rr->ms);
		json_object_object_add(rc, "replay", j);
	}
	return rc;
}

/* The final facts, after the attempts: FreeRDP's last error, the server's errorInfo, the
 * name's resolution, bytes and times. */
static void finals_to_json(json_object* o, const struct rp_evidence* ev)
{
	add_str(o, "furthest", rp_phase_name(rp_evidence_furthest(ev)));
	json_object_object_add(o, "active", json_object_new_boolean(rp_evidence_active(ev)));
	add_hex(o, "last_error", ev->last_error);
	add_str(o, "last_error_name", ev->last_error_name);
	add_str(o, "last_error_string", ev->last_error_string);
	add_str(o, "last_error_category", ev->last_error_category);
	add_hex(o, "error_info", ev->error_info);
	add_str(o, "error_info_name", ev->error_info_name);
	json_object_object_add(o, "connect_returned_true",
	                       json_object_new_boolean(ev->connect_returned_true));
	json_object_object_add(o, "watchdog_fired", json_object_new_boolean(ev->watchdog_fired));
	json_object_object_add(o, "cert_rejected", json_object_new_boolean(ev->cert_rejected));
	add_str(o, "cert_problem", ev->cert_problem);
	json_object_object_add(o, "is_name", json_object_new_boolean(ev->is_name));
	add_int(o, "gai_error", ev->gai_error);
	add_str(o, "resolved", ev->resolved);
	add_int(o, "bytes_in", (int64_t)ev->bytes_in);
	add_int(o, "bytes_out", (int64_t)ev->bytes_out);
	add_ms(o, "t_total_ms", ev->t_total_ms);
	add_ms(o, "t_connect_to_active_ms", rp_evidence_connect_to_active_ms(ev));
	json_object_object_add(o, "ttl_watched", json_object_new_boolean(ev->ttl_watched));
}

static json_object* evidence_to_object(const struct rp_evidence* ev)
{
	json_object* o = json_object_new_object();
	json_object* attempts = json_object_new_array();

	add_str(o, "record", "rdprepro-evidence/1");
	add_str(o, "target", ev->target);
	add_str(o, "freerdp_version", ev->freerdp_version);
	add_int(o, "deadline_ms", ev->deadline_ms);
	add_int(o, "hold_ms", ev->hold_ms);
	add_ms(o, "t0_mono_ms", ev->t0_mono_ms);
	for (int i = 0; i < ev->n_attempts; i++)
		json_object_array_add(attempts, attempt_to_json(&ev->attempts[i]));
	json_object_object_add(o, "attempts", attempts);
	finals_to_json(o, ev);
	if (ev->timers.known)
		json_object_object_add(o, "client_timers", timers_to_json(&ev->timers));
	if (ev->liveness.result != RP_ALIVE_NOT_RUN)
		json_object_object_add(o, "liveness", liveness_to_json(&ev->liveness));
	if (ev->session.want_ms)
		json_object_object_add(o, "session", session_to_json(&ev->session));
	json_object_object_add(o, "recheck", recheck_to_json(ev));
	return o;
}

char* rp_evidence_to_json(const struct rp_evidence* ev)
{
	json_object* o = evidence_to_object(ev);
	char* s = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
	                                                        JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return s;
}

bool rp_evidence_write_json(const struct rp_evidence* ev, const char* path, struct rp_err* err)
{
	json_object* o = evidence_to_object(ev);
	int rc = json_object_to_file_ext(path, o, JSON_C_TO_STRING_PRETTY |
	                                              JSON_C_TO_STRING_NOSLASHESCAPE);
	json_object_put(o);
	if (rc != 0)
		return rp_fail(err, "%s: cannot write evidence: %s", path, json_util_get_last_err());
	return true;
}
