/* evidence.c: the evidence record, its JSON form (json-c) and its readable summary. */
#include "evidence.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

/* One row per phase: its name in records and scenario files. */
static const char* const phase_names[RP_PHASE_COUNT] = {
	[RP_PHASE_NONE] = "none",
	[RP_PHASE_TCP] = "tcp",
	[RP_PHASE_X224] = "x224",
	[RP_PHASE_TLS] = "tls",
	[RP_PHASE_NLA] = "nla",
	[RP_PHASE_MCS] = "mcs",
	[RP_PHASE_SECURE_SETTINGS] = "secure-settings",
	[RP_PHASE_LICENSING] = "licensing",
	[RP_PHASE_CAPABILITIES] = "capabilities",
	[RP_PHASE_FINALIZATION] = "finalization",
	[RP_PHASE_ACTIVE] = "active",
};

const char* rp_phase_name(enum rp_phase p)
{
	if ((int)p < 0 || p >= RP_PHASE_COUNT)
		return "invalid";
	return phase_names[p];
}

enum rp_phase rp_phase_from_name(const char* name)
{
	for (int i = 0; i < RP_PHASE_COUNT; i++)
		if (name && strcmp(name, phase_names[i]) == 0)
			return (enum rp_phase)i;
	return RP_PHASE_COUNT;
}

static const char* const recheck_tcp_names[] = { "not-run", "connected", "refused", "no-answer" };
static const char* const recheck_x224_names[] = { "not-run", "answered", "silent", "closed",
	                                               "closed-at-once" };
static const char* const recheck_tls_names[] = { "not-run", "done", "silent", "failed" };

const char* rp_recheck_tcp_name(enum rp_recheck_tcp t)
{
	return (int)t >= 0 && t <= RP_RECHECK_NO_ANSWER ? recheck_tcp_names[t] : "invalid";
}

const char* rp_recheck_x224_name(enum rp_recheck_x224 x)
{
	return (int)x >= 0 && x <= RP_X224_CLOSED_AT_ONCE ? recheck_x224_names[x] : "invalid";
}

const char* rp_recheck_tls_name(enum rp_recheck_tls t)
{
	return (int)t >= 0 && t <= RP_RECHECK_TLS_FAILED ? recheck_tls_names[t] : "invalid";
}

static const char* const end_names[RP_END_COUNT] = {
	"unknown", "fin", "rst", "timeout", "deadline", "abort", "refused", "no-answer", "client"
};
static const char* const alive_names[RP_ALIVE_COUNT] = { "not-run", "acked", "silent", "reset" };

const char* rp_end_name(enum rp_end e)
{
	return (int)e >= 0 && e < RP_END_COUNT ? end_names[e] : "invalid";
}

enum rp_end rp_end_from_name(const char* name)
{
	for (int i = 0; i < RP_END_COUNT; i++)
		if (name && strcmp(name, end_names[i]) == 0)
			return (enum rp_end)i;
	return RP_END_COUNT;
}

const char* rp_alive_name(enum rp_alive a)
{
	return (int)a >= 0 && a < RP_ALIVE_COUNT ? alive_names[a] : "invalid";
}

static void attempt_init(struct rp_attempt* a)
{
	memset(a, 0, sizeof(*a));
	for (int i = 0; i < RP_PHASE_COUNT; i++)
		a->t_phase_ms[i] = -1;
	a->t_end_ms = -1;
	a->t_established_ms = -1;
	a->server_unseen = -1;
}

static const char* const activity_names[RP_ACTIVITY_COUNT] = { "idle", "input", "refresh" };

const char* rp_activity_name(enum rp_activity a)
{
	return (int)a >= 0 && a < RP_ACTIVITY_COUNT ? activity_names[a] : "invalid";
}

void rp_evidence_init(struct rp_evidence* ev)
{
	memset(ev, 0, sizeof(*ev));
	for (int i = 0; i < RP_MAX_ATTEMPTS; i++)
		attempt_init(&ev->attempts[i]);
	ev->session.t_active_ms = ev->session.t_end_ms = -1;
	ev->session.t_first_update_ms = ev->session.t_last_update_ms = -1;
	ev->session.t_last_heartbeat_ms = ev->session.t_dpu_ms = ev->session.t_error_info_ms = -1;
	ev->session.t_last_pdu_ms = -1;
}

struct rp_attempt* rp_evidence_begin_attempt(struct rp_evidence* ev, double t_ms)
{
	struct rp_attempt* a;

	if (ev->n_attempts >= RP_MAX_ATTEMPTS)
		return NULL;
	a = &ev->attempts[ev->n_attempts++];
	attempt_init(a);
	a->t_start_ms = t_ms;
	return a;
}

struct rp_attempt* rp_evidence_current(struct rp_evidence* ev)
{
	return ev->n_attempts > 0 ? &ev->attempts[ev->n_attempts - 1] : NULL;
}

void rp_evidence_mark(struct rp_evidence* ev, double t_ms, enum rp_phase phase,
                      const char* state)
{
	struct rp_attempt* a = rp_evidence_current(ev);

	if (!a || phase >= RP_PHASE_COUNT)
		return;
	if (a->n_events > 0)
	{
		const struct rp_event* last = &a->events[a->n_events - 1];
		if (last->phase == phase && strcmp(last->state, state ? state : "") == 0)
			return;
	}
	if (a->t_phase_ms[phase] < 0)
		a->t_phase_ms[phase] = t_ms;
	if (phase > a->furthest)
		a->furthest = phase;
	rp_strlcpy(a->last_state, state, sizeof(a->last_state));
	if (a->n_events < RP_MAX_EVENTS)
	{
		struct rp_event* e = &a->events[a->n_events++];
		e->t_ms = t_ms;
		e->phase = phase;
		rp_strlcpy(e->state, state, sizeof(e->state));
	}
}

enum rp_phase rp_evidence_furthest(const struct rp_evidence* ev)
{
	enum rp_phase f = RP_PHASE_NONE;

	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].furthest > f)
			f = ev->attempts[i].furthest;
	return f;
}

const struct rp_attempt* rp_evidence_furthest_attempt(const struct rp_evidence* ev)
{
	const struct rp_attempt* best = NULL;
	for (int i = 0; i < ev->n_attempts; i++)
		if (!best || ev->attempts[i].furthest >= best->furthest)
			best = &ev->attempts[i];
	return best;
}

bool rp_evidence_active(const struct rp_evidence* ev)
{
	return rp_evidence_furthest(ev) == RP_PHASE_ACTIVE;
}

double rp_evidence_x224_answer_ms(const struct rp_evidence* ev)
{
	double took = 0;
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		if (a->t_phase_ms[RP_PHASE_X224] >= 0 && a->t_phase_ms[RP_PHASE_TLS] >= 0 &&
		    a->t_phase_ms[RP_PHASE_TLS] - a->t_phase_ms[RP_PHASE_X224] > took)
			took = a->t_phase_ms[RP_PHASE_TLS] - a->t_phase_ms[RP_PHASE_X224];
	}
	return took;
}

bool rp_evidence_session_cut(const struct rp_evidence* ev)
{
	return ev->session.want_ms > 0 && ev->session.t_active_ms >= 0 && !ev->session.held;
}

static int cmp_double(const void* a, const void* b)
{
	double x = *(const double*)a, y = *(const double*)b;
	return (x > y) - (x < y);
}

bool rp_bw_estimate(const struct rp_bw_probe* bw, double* kbit, double* spread)
{
	double dt[RP_BW_SAMPLES];
	int n = bw->n < RP_BW_SAMPLES ? bw->n : RP_BW_SAMPLES;
	int k = 0;

	*kbit = 0;
	*spread = 0;
	if (!bw->run || bw->size <= 0)
		return false;
	for (int i = 1; i < n; i++)
	{
		double d = bw->t_ms[i] - bw->t_ms[i - 1];
		if (bw->seq[i] != bw->seq[i - 1] + 1)
			continue; /* a request or its reply was lost between them */
		if (k == 0 && d < 1.0)
			continue; /* the burst: no pace yet */
		dt[k++] = d;
	}
	if (k < 2)
		return false;
	qsort(dt, (size_t)k, sizeof(dt[0]), cmp_double);
	if (dt[0] <= 0)
		return false;
	*kbit = bw->size * 8.0 / dt[k / 2];
	/* The upper quartile over the shortest: other traffic on the link (the stalled
	 * connection's own retransmission) can stretch one interval; jitter spreads them all. */
	*spread = (k >= 4 ? dt[(k * 3) / 4] : dt[k - 1]) / dt[0];
	return true;
}

double rp_evidence_connect_to_active_ms(const struct rp_evidence* ev)
{
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		if (a->t_phase_ms[RP_PHASE_ACTIVE] >= 0 && a->t_established_ms >= 0)
			return a->t_phase_ms[RP_PHASE_ACTIVE] - a->t_established_ms;
	}
	return -1;
}

/* ---- JSON ---- */

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

static json_object* tcp_to_json(const struct rp_tcpinfo* t)
{
	json_object* o = json_object_new_object();

	json_object_object_add(o, "valid", json_object_new_boolean(t->valid));
	add_int(o, "state", t->state);
	add_int(o, "retransmits", t->retransmits);
	add_int(o, "rtt_us", t->rtt_us);
	add_int(o, "rttvar_us", t->rttvar_us);
	add_int(o, "min_rtt_us", t->min_rtt_us);
	add_int(o, "delivery_rate", (int64_t)t->delivery_rate);
	add_int(o, "rcv_ooopack", t->rcv_ooopack);
	add_int(o, "dsack_dups", t->dsack_dups);
	add_int(o, "pmtu", t->pmtu);
	add_int(o, "snd_mss", t->snd_mss);
	add_int(o, "bytes_acked", (int64_t)t->bytes_acked);
	add_int(o, "bytes_received", (int64_t)t->bytes_received);
	add_int(o, "unacked", t->unacked);
	add_int(o, "probes", t->probes);
	add_int(o, "backoff", t->backoff);
	add_int(o, "last_data_recv_ms", t->last_data_recv_ms);
	add_int(o, "last_ack_recv_ms", t->last_ack_recv_ms);
	add_int(o, "rcv_mss", t->rcv_mss);
	add_int(o, "advmss", t->advmss);
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
		const struct rp_session_sample* m = &ss->samples[i];
		json_object* j = json_object_new_object();
		add_ms(j, "t_ms", m->t_ms);
		add_int(j, "bytes_in", (int64_t)m->bytes_in);
		add_int(j, "bytes_out", (int64_t)m->bytes_out);
		add_int(j, "updates", m->updates);
		add_int(j, "retransmits", m->retransmits);
		add_int(j, "unacked", m->unacked);
		add_int(j, "last_data_recv_ms", m->last_data_recv_ms);
		add_int(j, "last_ack_recv_ms", m->last_ack_recv_ms);
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
	if (ev->timers.known)
	{
		json_object* t = json_object_new_object();
		json_object_object_add(t, "keepalive", json_object_new_boolean(ev->timers.keepalive));
		add_int(t, "keepalive_delay_s", ev->timers.keepalive_delay);
		add_int(t, "keepalive_interval_s", ev->timers.keepalive_interval);
		add_int(t, "keepalive_retries", ev->timers.keepalive_retries);
		add_int(t, "ack_timeout_ms", ev->timers.ack_timeout_ms);
		add_int(t, "connect_timeout_ms", ev->timers.connect_timeout_ms);
		json_object_object_add(t, "errinfo_pdu", json_object_new_boolean(ev->timers.errinfo_pdu));
		json_object_object_add(o, "client_timers", t);
	}
	if (ev->liveness.result != RP_ALIVE_NOT_RUN)
	{
		json_object* l = json_object_new_object();
		add_str(l, "result", rp_alive_name(ev->liveness.result));
		json_object_object_add(l, "keepalive", json_object_new_boolean(ev->liveness.keepalive));
		add_ms(l, "idle_ms", ev->liveness.idle_ms);
		add_ms(l, "ms", ev->liveness.ms);
		add_int(l, "unacked", ev->liveness.unacked);
		add_int(l, "backoff", ev->liveness.backoff);
		add_int(l, "retransmits", ev->liveness.retransmits);
		json_object_object_add(o, "liveness", l);
	}
	if (ev->session.want_ms)
		json_object_object_add(o, "session", session_to_json(&ev->session));
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
		{
			const struct rp_bw_probe* bw = &ev->recheck.bw;
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
			json_object_object_add(rc, "bandwidth", b);
		}
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
		json_object_object_add(o, "recheck", rc);
	}
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

/* Readers: a missing key keeps the default; a key of the wrong type is an error. */
struct reader
{
	struct rp_err* err;
	const char* where;
	bool ok;
};

static json_object* get(struct reader* r, json_object* o, const char* k, json_type t)
{
	json_object* v = NULL;

	if (!r->ok || !json_object_object_get_ex(o, k, &v) || !v)
		return NULL;
	if (!json_object_is_type(v, t) && !(t == json_type_double && json_object_is_type(v, json_type_int)))
	{
		r->ok = rp_fail(r->err, "%s: key \"%s\" has the wrong type", r->where, k);
		return NULL;
	}
	return v;
}

static void get_str(struct reader* r, json_object* o, const char* k, char* dst, size_t n)
{
	json_object* v = get(r, o, k, json_type_string);
	if (v)
		rp_strlcpy(dst, json_object_get_string(v), n);
}

static void get_u32(struct reader* r, json_object* o, const char* k, uint32_t* dst)
{
	json_object* v = get(r, o, k, json_type_int);
	if (v)
		*dst = (uint32_t)json_object_get_int64(v);
}

static void get_u64(struct reader* r, json_object* o, const char* k, uint64_t* dst)
{
	json_object* v = get(r, o, k, json_type_int);
	if (v)
		*dst = (uint64_t)json_object_get_int64(v);
}

static void get_ms(struct reader* r, json_object* o, const char* k, double* dst)
{
	json_object* v = get(r, o, k, json_type_double);
	if (v)
		*dst = json_object_get_double(v);
}

static void get_bool(struct reader* r, json_object* o, const char* k, bool* dst)
{
	json_object* v = get(r, o, k, json_type_boolean);
	if (v)
		*dst = json_object_get_boolean(v);
}

/* The recheck's bandwidth stage, if it ran: at most RP_BW_SAMPLES replies. */
static void read_bandwidth(struct reader* r, json_object* rc, struct rp_bw_probe* bw)
{
	json_object* b = get(r, rc, "bandwidth", json_type_object);
	json_object* arr = b ? get(r, b, "replies", json_type_array) : NULL;
	uint32_t v = 0;

	if (!b)
		return;
	bw->run = true;
	get_u32(r, b, "size", &v);
	bw->size = v <= 65535 ? (int)v : 0;
	v = 0;
	get_u32(r, b, "sent", &v);
	bw->n_sent = v <= 1000 ? (int)v : 0;
	v = 0;
	get_u32(r, b, "errno", &v);
	bw->sock_errno = v <= 4095 ? (int)v : 0;
	for (size_t i = 0; arr && i < json_object_array_length(arr) && bw->n < RP_BW_SAMPLES; i++)
	{
		json_object* s = json_object_array_get_idx(arr, i);
		if (!s || !json_object_is_type(s, json_type_object))
		{
			r->ok = rp_fail(r->err, "%s: recheck.bandwidth.replies[%zu] is not an object",
			                r->where, i);
			return;
		}
		v = 0;
		get_u32(r, s, "seq", &v);
		bw->seq[bw->n] = v <= 65535 ? (int)v : 0;
		get_ms(r, s, "t_ms", &bw->t_ms[bw->n]);
		bw->n++;
	}
}

static void get_hex(struct reader* r, json_object* o, const char* k, uint32_t* dst)
{
	char buf[32] = "";
	char* end = NULL;
	unsigned long v;

	get_str(r, o, k, buf, sizeof(buf));
	if (!r->ok || !buf[0])
		return;
	errno = 0;
	v = strtoul(buf, &end, 0);
	if (errno || *end || v > UINT32_MAX)
	{
		r->ok = rp_fail(r->err, "%s: key \"%s\": bad number \"%s\"", r->where, k, buf);
		return;
	}
	*dst = (uint32_t)v;
}

static void get_phase(struct reader* r, json_object* o, const char* k, enum rp_phase* dst)
{
	char buf[64] = "";
	enum rp_phase p;

	get_str(r, o, k, buf, sizeof(buf));
	if (!r->ok || !buf[0])
		return;
	p = rp_phase_from_name(buf);
	if (p == RP_PHASE_COUNT)
	{
		r->ok = rp_fail(r->err, "%s: key \"%s\": unknown phase \"%s\"", r->where, k, buf);
		return;
	}
	*dst = p;
}

static void attempt_from_json(struct reader* r, json_object* o, struct rp_attempt* a)
{
	json_object* phases = get(r, o, "phases", json_type_object);
	json_object* events = get(r, o, "events", json_type_array);
	json_object* tcp = get(r, o, "tcp", json_type_object);
	uint32_t u = 0;

	get_ms(r, o, "t_start_ms", &a->t_start_ms);
	get_ms(r, o, "t_end_ms", &a->t_end_ms);
	get_ms(r, o, "t_established_ms", &a->t_established_ms);
	if (phases)
	{
		json_object_object_foreach(phases, key, val)
		{
			enum rp_phase p = rp_phase_from_name(key);
			if (p == RP_PHASE_COUNT || !json_object_is_type(val, json_type_double))
			{
				r->ok = rp_fail(r->err, "%s: phases: bad entry \"%s\"", r->where, key);
				return;
			}
			a->t_phase_ms[p] = json_object_get_double(val);
		}
	}
	get_phase(r, o, "furthest", &a->furthest);
	get_str(r, o, "last_state", a->last_state, sizeof(a->last_state));
	get_hex(r, o, "last_error", &a->last_error);
	get_str(r, o, "last_error_name", a->last_error_name, sizeof(a->last_error_name));
	get_u32(r, o, "errno", &u);
	a->sock_errno = (int)u;
	if (tcp)
	{
		get_bool(r, tcp, "valid", &a->tcp.valid);
		get_u32(r, tcp, "state", &a->tcp.state);
		get_u32(r, tcp, "retransmits", &a->tcp.retransmits);
		get_u32(r, tcp, "rtt_us", &a->tcp.rtt_us);
		get_u32(r, tcp, "rttvar_us", &a->tcp.rttvar_us);
		get_u32(r, tcp, "min_rtt_us", &a->tcp.min_rtt_us);
		get_u64(r, tcp, "delivery_rate", &a->tcp.delivery_rate);
		get_u32(r, tcp, "rcv_ooopack", &a->tcp.rcv_ooopack);
		get_u32(r, tcp, "dsack_dups", &a->tcp.dsack_dups);
		get_u32(r, tcp, "pmtu", &a->tcp.pmtu);
		get_u32(r, tcp, "snd_mss", &a->tcp.snd_mss);
		get_u64(r, tcp, "bytes_acked", &a->tcp.bytes_acked);
		get_u64(r, tcp, "bytes_received", &a->tcp.bytes_received);
		get_u32(r, tcp, "unacked", &a->tcp.unacked);
		get_u32(r, tcp, "probes", &a->tcp.probes);
		get_u32(r, tcp, "backoff", &a->tcp.backoff);
		get_u32(r, tcp, "last_data_recv_ms", &a->tcp.last_data_recv_ms);
		get_u32(r, tcp, "last_ack_recv_ms", &a->tcp.last_ack_recv_ms);
		get_u32(r, tcp, "rcv_mss", &a->tcp.rcv_mss);
		get_u32(r, tcp, "advmss", &a->tcp.advmss);
	}
	{
		uint32_t t = 0;
		get_u32(r, o, "local_port", &t);
		a->local_port = (uint16_t)(t <= 65535 ? t : 0);
		t = 0;
		get_u32(r, o, "ttl_synack", &t);
		a->ttl_synack = (uint8_t)(t <= 255 ? t : 0);
		t = 0;
		get_u32(r, o, "ttl_rst", &t);
		a->ttl_rst = (uint8_t)(t <= 255 ? t : 0);
		t = 0;
		get_u32(r, o, "ttl_fin", &t);
		a->ttl_fin = (uint8_t)(t <= 255 ? t : 0);
		{
			json_object* u = get(r, o, "server_unseen", json_type_int);
			if (u)
				a->server_unseen = json_object_get_int64(u);
		}
	}
	{
		char name[24] = "";
		get_str(r, o, "end", name, sizeof(name));
		if (name[0])
		{
			a->end = rp_end_from_name(name);
			if (a->end == RP_END_COUNT)
			{
				r->ok = rp_fail(r->err, "%s: end: unknown \"%s\"", r->where, name);
				return;
			}
		}
	}
	if (events)
	{
		size_t n = json_object_array_length(events);
		for (size_t i = 0; i < n && a->n_events < RP_MAX_EVENTS && r->ok; i++)
		{
			json_object* e = json_object_array_get_idx(events, i);
			struct rp_event* d = &a->events[a->n_events++];
			if (!json_object_is_type(e, json_type_object))
			{
				r->ok = rp_fail(r->err, "%s: events[%zu] is not an object", r->where, i);
				return;
			}
			get_ms(r, e, "t_ms", &d->t_ms);
			get_phase(r, e, "phase", &d->phase);
			get_str(r, e, "state", d->state, sizeof(d->state));
		}
	}
}

static void session_from_json(struct reader* r, json_object* o, struct rp_session* ss)
{
	char act[16] = "";
	json_object* arr;

	if (!o)
		return;
	get_u32(r, o, "want_ms", &ss->want_ms);
	get_str(r, o, "activity", act, sizeof(act));
	ss->activity = RP_ACTIVITY_IDLE;
	for (int i = 0; i < RP_ACTIVITY_COUNT; i++)
		if (strcmp(act, activity_names[i]) == 0)
			ss->activity = (enum rp_activity)i;
	get_u32(r, o, "every_ms", &ss->every_ms);
	get_ms(r, o, "t_active_ms", &ss->t_active_ms);
	get_ms(r, o, "t_end_ms", &ss->t_end_ms);
	get_bool(r, o, "held", &ss->held);
	get_u32(r, o, "updates", &ss->updates);
	get_u64(r, o, "update_pixels", &ss->update_pixels);
	get_ms(r, o, "t_first_update_ms", &ss->t_first_update_ms);
	get_ms(r, o, "t_last_update_ms", &ss->t_last_update_ms);
	get_u32(r, o, "inputs", &ss->inputs);
	get_u32(r, o, "heartbeats", &ss->heartbeats);
	get_u32(r, o, "heartbeat_period_s", &ss->heartbeat_period_s);
	get_ms(r, o, "t_last_heartbeat_ms", &ss->t_last_heartbeat_ms);
	get_bool(r, o, "dpu", &ss->dpu);
	{
		uint32_t v = 0;
		get_u32(r, o, "dpu_reason", &v);
		ss->dpu_reason = v <= 255 ? (int)v : 0;
	}
	get_ms(r, o, "t_dpu_ms", &ss->t_dpu_ms);
	get_ms(r, o, "t_error_info_ms", &ss->t_error_info_ms);
	get_bool(r, o, "error_info_pdu", &ss->error_info_pdu);
	get_u32(r, o, "reconnects", &ss->reconnects);
	get_bool(r, o, "reconnected", &ss->reconnected);
	get_ms(r, o, "t_last_pdu_ms", &ss->t_last_pdu_ms);
	arr = get(r, o, "quiet", json_type_array);
	for (size_t i = 0; arr && i < json_object_array_length(arr) && i < RP_QUIET_SPELLS; i++)
	{
		json_object* j = json_object_array_get_idx(arr, i);
		if (!json_object_is_type(j, json_type_object))
			continue;
		get_ms(r, j, "t_ms", &ss->quiet_start_ms[ss->n_quiet]);
		get_ms(r, j, "ms", &ss->quiet_ms[ss->n_quiet]);
		ss->n_quiet++;
	}
	arr = get(r, o, "samples", json_type_array);
	for (size_t i = 0; arr && i < json_object_array_length(arr) && i < RP_SESSION_SAMPLES; i++)
	{
		json_object* j = json_object_array_get_idx(arr, i);
		struct rp_session_sample* m = &ss->samples[ss->n_samples];
		if (!json_object_is_type(j, json_type_object))
			continue;
		get_ms(r, j, "t_ms", &m->t_ms);
		get_u64(r, j, "bytes_in", &m->bytes_in);
		get_u64(r, j, "bytes_out", &m->bytes_out);
		get_u32(r, j, "updates", &m->updates);
		get_u32(r, j, "retransmits", &m->retransmits);
		get_u32(r, j, "unacked", &m->unacked);
		get_u32(r, j, "last_data_recv_ms", &m->last_data_recv_ms);
		get_u32(r, j, "last_ack_recv_ms", &m->last_ack_recv_ms);
		ss->n_samples++;
	}
}

bool rp_evidence_from_json(struct rp_evidence* ev, const char* json, struct rp_err* err)
{
	enum json_tokener_error jerr = json_tokener_success;
	json_object* o = json_tokener_parse_verbose(json, &jerr);
	struct reader r = { .err = err, .where = "evidence", .ok = true };
	json_object* attempts;

	rp_evidence_init(ev);
	if (!o)
		return rp_fail(err, "evidence: not JSON: %s", json_tokener_error_desc(jerr));
	if (!json_object_is_type(o, json_type_object))
	{
		json_object_put(o);
		return rp_fail(err, "evidence: not a JSON object");
	}
	get_str(&r, o, "target", ev->target, sizeof(ev->target));
	get_str(&r, o, "freerdp_version", ev->freerdp_version, sizeof(ev->freerdp_version));
	get_u32(&r, o, "deadline_ms", &ev->deadline_ms);
	get_u32(&r, o, "hold_ms", &ev->hold_ms);
	get_ms(&r, o, "t0_mono_ms", &ev->t0_mono_ms);
	attempts = get(&r, o, "attempts", json_type_array);
	if (attempts)
	{
		size_t n = json_object_array_length(attempts);
		for (size_t i = 0; i < n && i < RP_MAX_ATTEMPTS && r.ok; i++)
		{
			json_object* a = json_object_array_get_idx(attempts, i);
			if (!json_object_is_type(a, json_type_object))
			{
				r.ok = rp_fail(err, "evidence: attempts[%zu] is not an object", i);
				break;
			}
			attempt_from_json(&r, a, &ev->attempts[ev->n_attempts++]);
		}
	}
	get_hex(&r, o, "last_error", &ev->last_error);
	get_str(&r, o, "last_error_name", ev->last_error_name, sizeof(ev->last_error_name));
	get_str(&r, o, "last_error_string", ev->last_error_string, sizeof(ev->last_error_string));
	get_str(&r, o, "last_error_category", ev->last_error_category,
	        sizeof(ev->last_error_category));
	get_hex(&r, o, "error_info", &ev->error_info);
	get_str(&r, o, "error_info_name", ev->error_info_name, sizeof(ev->error_info_name));
	get_bool(&r, o, "connect_returned_true", &ev->connect_returned_true);
	get_bool(&r, o, "watchdog_fired", &ev->watchdog_fired);
	get_bool(&r, o, "cert_rejected", &ev->cert_rejected);
	get_str(&r, o, "cert_problem", ev->cert_problem, sizeof(ev->cert_problem));
	get_bool(&r, o, "is_name", &ev->is_name);
	{
		uint32_t g = 0;
		get_u32(&r, o, "gai_error", &g);
		ev->gai_error = (int)g;
	}
	get_str(&r, o, "resolved", ev->resolved, sizeof(ev->resolved));
	get_u64(&r, o, "bytes_in", &ev->bytes_in);
	get_u64(&r, o, "bytes_out", &ev->bytes_out);
	get_ms(&r, o, "t_total_ms", &ev->t_total_ms);
	get_bool(&r, o, "ttl_watched", &ev->ttl_watched);
	{
		json_object* t = get(&r, o, "client_timers", json_type_object);
		if (t)
		{
			ev->timers.known = true;
			get_bool(&r, t, "keepalive", &ev->timers.keepalive);
			get_u32(&r, t, "keepalive_delay_s", &ev->timers.keepalive_delay);
			get_u32(&r, t, "keepalive_interval_s", &ev->timers.keepalive_interval);
			get_u32(&r, t, "keepalive_retries", &ev->timers.keepalive_retries);
			get_u32(&r, t, "ack_timeout_ms", &ev->timers.ack_timeout_ms);
			get_u32(&r, t, "connect_timeout_ms", &ev->timers.connect_timeout_ms);
			get_bool(&r, t, "errinfo_pdu", &ev->timers.errinfo_pdu);
		}
	}
	{
		json_object* l = get(&r, o, "liveness", json_type_object);
		char res[24] = "";
		if (l)
		{
			get_str(&r, l, "result", res, sizeof(res));
			ev->liveness.result = RP_ALIVE_COUNT;
			for (int i = 0; i < RP_ALIVE_COUNT; i++)
				if (strcmp(res, alive_names[i]) == 0)
					ev->liveness.result = (enum rp_alive)i;
			if (ev->liveness.result == RP_ALIVE_COUNT && r.ok)
				r.ok = rp_fail(err, "evidence: liveness: unknown result \"%s\"", res);
			get_bool(&r, l, "keepalive", &ev->liveness.keepalive);
			get_ms(&r, l, "idle_ms", &ev->liveness.idle_ms);
			get_ms(&r, l, "ms", &ev->liveness.ms);
			get_u32(&r, l, "unacked", &ev->liveness.unacked);
			get_u32(&r, l, "backoff", &ev->liveness.backoff);
			get_u32(&r, l, "retransmits", &ev->liveness.retransmits);
		}
	}
	session_from_json(&r, get(&r, o, "session", json_type_object), &ev->session);
	{
		json_object* rc = get(&r, o, "recheck", json_type_object);
		char t[32] = "", x[32] = "", tls[32] = "", small[32] = "";
		if (rc)
		{
			get_str(&r, rc, "tcp", t, sizeof(t));
			if (json_object_object_get_ex(rc, "not_run", NULL))
				get_str(&r, rc, "not_run", ev->recheck.not_run, sizeof(ev->recheck.not_run));
			get_str(&r, rc, "x224", x, sizeof(x));
			get_str(&r, rc, "tls", tls, sizeof(tls));
			get_ms(&r, rc, "tcp_ms", &ev->recheck.tcp_ms);
			get_ms(&r, rc, "x224_ms", &ev->recheck.x224_ms);
			if (json_object_object_get_ex(rc, "x224_unacked", NULL))
			{
				ev->recheck.x224_info = true;
				get_u32(&r, rc, "x224_unacked", &ev->recheck.x224_unacked);
				get_u32(&r, rc, "x224_retrans", &ev->recheck.x224_retrans);
			}
			get_ms(&r, rc, "tls_ms", &ev->recheck.tls_ms);
			get_u64(&r, rc, "tls_bytes_in", &ev->recheck.tls_bytes_in);
			get_str(&r, rc, "tls_small_mss", small, sizeof(small));
			get_ms(&r, rc, "tls_small_mss_ms", &ev->recheck.tls_small_mss_ms);
			read_bandwidth(&r, rc, &ev->recheck.bw);
			{
				json_object* j = get(&r, rc, "ping", json_type_object);
				if (j)
				{
					uint32_t a = 0, b = 0, e = 0;
					ev->recheck.ping.run = true;
					get_u32(&r, j, "sent", &a);
					get_u32(&r, j, "replies", &b);
					get_u32(&r, j, "errno", &e);
					ev->recheck.ping.n_sent = a <= 64 ? (int)a : 0;
					ev->recheck.ping.n = b <= 64 ? (int)b : 0;
					ev->recheck.ping.sock_errno = e <= 4095 ? (int)e : 0;
				}
			}
			{
				json_object* j = get(&r, rc, "sizes", json_type_object);
				if (j)
				{
					struct rp_size_probe* z = &ev->recheck.sizes;
					uint32_t v[6] = { 0 };
					z->run = true;
					get_u32(&r, j, "errno", &v[0]);
					get_u32(&r, j, "big", &v[1]);
					get_u32(&r, j, "big_sent", &v[2]);
					get_u32(&r, j, "big_answered", &v[3]);
					get_u32(&r, j, "small_sent", &v[4]);
					get_u32(&r, j, "small_answered", &v[5]);
					z->sock_errno = v[0] <= 4095 ? (int)v[0] : 0;
					z->big = v[1] <= 65535 ? (int)v[1] : 0;
					z->big_sent = v[2] <= 64 ? (int)v[2] : 0;
					z->big_answered = v[3] <= (uint32_t)z->big_sent ? (int)v[3] : z->big_sent;
					z->small_sent = v[4] <= 64 ? (int)v[4] : 0;
					z->small_answered =
					    v[5] <= (uint32_t)z->small_sent ? (int)v[5] : z->small_sent;
				}
			}
			{
				json_object* j = get(&r, rc, "replay", json_type_object);
				if (j)
				{
					struct rp_replay* rr = &ev->recheck.replay;
					char end[24] = "";
					get_bool(&r, j, "run", &rr->run);
					get_str(&r, j, "not_run", rr->not_run, sizeof(rr->not_run));
					get_u32(&r, j, "deadline_ms", &rr->deadline_ms);
					get_phase(&r, j, "furthest", &rr->furthest);
					get_bool(&r, j, "active", &rr->active);
					get_str(&r, j, "end", end, sizeof(end));
					rr->end = end[0] ? rp_end_from_name(end) : RP_END_UNKNOWN;
					if (rr->end == RP_END_COUNT && r.ok)
						r.ok = rp_fail(err, "evidence: recheck.replay.end: unknown \"%s\"", end);
					get_hex(&r, j, "last_error", &rr->last_error);
					get_ms(&r, j, "ms", &rr->ms);
				}
			}
			for (int i = 0; i <= RP_RECHECK_TLS_FAILED; i++)
			{
				if (strcmp(tls, recheck_tls_names[i]) == 0)
					ev->recheck.tls = (enum rp_recheck_tls)i;
				if (strcmp(small, recheck_tls_names[i]) == 0)
					ev->recheck.tls_small_mss = (enum rp_recheck_tls)i;
			}
			for (int i = 0; i <= RP_RECHECK_NO_ANSWER; i++)
				if (strcmp(t, recheck_tcp_names[i]) == 0)
					ev->recheck.tcp = (enum rp_recheck_tcp)i;
			for (int i = 0; i <= RP_X224_CLOSED_AT_ONCE; i++)
				if (strcmp(x, recheck_x224_names[i]) == 0)
					ev->recheck.x224 = (enum rp_recheck_x224)i;
		}
	}
	json_object_put(o);
	return r.ok;
}

bool rp_evidence_read_json(struct rp_evidence* ev, const char* path, struct rp_err* err)
{
	char* buf;
	bool ok;

	/* Written by the probe, which runs as the run's unprivileged identity: read as anything
	 * such a process could leave (a regular file, bounded, never through a symlink). */
	if (!rp_read_regular(path, RP_EVIDENCE_JSON_MAX, true, &buf, NULL, err))
		return false;
	ok = rp_evidence_from_json(ev, buf, err);
	free(buf);
	if (!ok)
	{
		char tmp[sizeof(err->msg)];
		rp_strlcpy(tmp, err->msg, sizeof(tmp));
		rp_fail(err, "%s: %s", path, tmp);
	}
	return ok;
}

/* ---- summary ---- */

char* rp_evidence_summary(const struct rp_evidence* ev, const char* in)
{
	char* buf = NULL;
	size_t len = 0;
	FILE* f = open_memstream(&buf, &len);
	double c2a = rp_evidence_connect_to_active_ms(ev);

	if (!f)
		return NULL;
	fprintf(f, "%starget %s, FreeRDP %s, deadline %u ms\n", in, ev->target, ev->freerdp_version,
	        ev->deadline_ms);
	if (ev->is_name)
		fprintf(f, "%sthe name %s: %s\n", in, ev->gai_error ? "did not resolve" : "resolved to",
		        ev->resolved);
	if (ev->cert_rejected)
		fprintf(f, "%sthe client's certificate check rejected the server's certificate%s%s\n", in,
		        ev->cert_problem[0] ? ": " : "", ev->cert_problem);
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		fprintf(f, "%sattempt %d: furthest %s", in, i + 1, rp_phase_name(a->furthest));
		if (a->last_error)
			fprintf(f, ", error %s 0x%08X", a->last_error_name, a->last_error);
		if (a->sock_errno)
			fprintf(f, ", errno %s", strerrorname_np(a->sock_errno));
		if (a->t_established_ms < 0)
			fprintf(f, ", TCP never established");
		if (a->end != RP_END_UNKNOWN && a->t_end_ms >= 0)
			fprintf(f, ", ended by %s at %.1f ms", rp_end_name(a->end), a->t_end_ms);
		if (ev->ttl_watched && a->ttl_synack)
		{
			fprintf(f, ", TTL in: SYN-ACK %u", a->ttl_synack);
			if (a->ttl_rst)
				fprintf(f, ", RST %u", a->ttl_rst);
			if (a->ttl_fin)
				fprintf(f, ", FIN %u", a->ttl_fin);
		}
		if (a->server_unseen > 0)
			fprintf(f, ", the server's last ACK is %lld bytes ahead of what arrived",
			        (long long)a->server_unseen);
		fprintf(f, "\n%s  phases:", in);
		for (int p = RP_PHASE_TCP; p < RP_PHASE_COUNT; p++)
			if (a->t_phase_ms[p] >= 0)
				fprintf(f, " %s@%.1f", rp_phase_name((enum rp_phase)p), a->t_phase_ms[p]);
		fprintf(f, " (ms)\n");
		if (a->tcp.valid)
			fprintf(f,
			        "%s  tcp: rtt %.2f ms (var %.2f, min %.2f), retransmits %u, out-of-order in %u, "
			        "delivery %.1f kbit/s, pmtu %u, mss %u, acked %llu B, received %llu B\n",
			        in, a->tcp.rtt_us / 1000.0, a->tcp.rttvar_us / 1000.0, a->tcp.min_rtt_us / 1000.0,
			        a->tcp.retransmits, a->tcp.rcv_ooopack, a->tcp.delivery_rate * 8 / 1000.0,
			        a->tcp.pmtu, a->tcp.snd_mss, (unsigned long long)a->tcp.bytes_acked,
			        (unsigned long long)a->tcp.bytes_received);
		if (a->tcp.valid && (a->tcp.rcv_mss || a->tcp.last_ack_recv_ms || a->tcp.unacked))
			fprintf(f,
			        "%s  tcp at the end: unacked %u, probes %u, backoff %u, last data in %u ms "
			        "ago, last ACK in %u ms ago, largest segment in %u (advertised MSS %u)\n",
			        in, a->tcp.unacked, a->tcp.probes, a->tcp.backoff, a->tcp.last_data_recv_ms,
			        a->tcp.last_ack_recv_ms, a->tcp.rcv_mss, a->tcp.advmss);
	}
	if (ev->liveness.result != RP_ALIVE_NOT_RUN)
		fprintf(f, "%sthe stalled connection, probed at the deadline (%s, %u segments "
		        "outstanding, no data for %.0f ms): %s after %.0f ms\n",
		        in, ev->liveness.keepalive ? "a keepalive" : "its retransmissions",
		        ev->liveness.unacked, ev->liveness.idle_ms, rp_alive_name(ev->liveness.result),
		        ev->liveness.ms);
	if (ev->timers.known)
		fprintf(f, "%sclient timers: keepalive %s (%u s idle, %u s interval, %u probes), ack "
		        "timeout %u ms, connect timeout %u ms, errorInfo PDU %s\n",
		        in, ev->timers.keepalive ? "on" : "off", ev->timers.keepalive_delay,
		        ev->timers.keepalive_interval, ev->timers.keepalive_retries,
		        ev->timers.ack_timeout_ms, ev->timers.connect_timeout_ms,
		        ev->timers.errinfo_pdu ? "announced" : "not announced");
	if (ev->session.want_ms)
	{
		const struct rp_session* ss = &ev->session;
		fprintf(f, "%ssession: %u ms wanted, %s", in, ss->want_ms, rp_activity_name(ss->activity));
		if (ss->activity != RP_ACTIVITY_IDLE)
			fprintf(f, " every %u ms (%u sent)", ss->every_ms, ss->inputs);
		if (ss->t_active_ms < 0)
			fprintf(f, "; never active\n");
		else
		{
			fprintf(f, "; active at %.1f ms, %s at %.1f ms (%.1f s in)", ss->t_active_ms,
			        ss->held ? "held to its end" : "ended", ss->t_end_ms,
			        (ss->t_end_ms - ss->t_active_ms) / 1000.0);
			fprintf(f, "; %u screen updates (%llu pixels)", ss->updates,
			        (unsigned long long)ss->update_pixels);
			if (ss->updates)
				fprintf(f, ", the last at %.1f ms", ss->t_last_update_ms);
			if (ss->heartbeats)
				fprintf(f, "; %u heartbeats (period %u s), the last at %.1f ms", ss->heartbeats,
				        ss->heartbeat_period_s, ss->t_last_heartbeat_ms);
			if (ss->dpu)
				fprintf(f, "; a Disconnect Provider Ultimatum (reason %d) at %.1f ms",
				        ss->dpu_reason, ss->t_dpu_ms);
			if (ss->t_error_info_ms >= 0)
				fprintf(f, "; errorInfo at %.1f ms%s", ss->t_error_info_ms,
				        ss->error_info_pdu ? " (a Set Error Info PDU)"
				                           : " (FreeRDP's, from the ultimatum)");
			for (int i = 0; i < ss->n_quiet && i < 6; i++)
				fprintf(f, "%s%.1f s from %.1f ms", i ? ", " : "; quiet spells: ",
				        ss->quiet_ms[i] / 1000.0, ss->quiet_start_ms[i]);
			if (ss->n_quiet > 6)
				fprintf(f, " (and %d more)", ss->n_quiet - 6);
			if (ss->reconnects)
				fprintf(f, "; %u auto-reconnect attempts%s", ss->reconnects,
				        ss->reconnected ? ", the session came back" : "");
			fprintf(f, "\n");
		}
	}
	if (ev->recheck.sizes.run)
	{
		const struct rp_size_probe* z = &ev->recheck.sizes;
		if (z->sock_errno)
			fprintf(f, "%sdon't-fragment echo requests: no raw socket (%s)\n", in,
			        strerror(z->sock_errno));
		else
			fprintf(f, "%sdon't-fragment echo requests to the server: %d of %d answered at %d "
			        "bytes, %d of %d at 576\n",
			        in, z->big_answered, z->big_sent, z->big, z->small_answered, z->small_sent);
	}
	fprintf(f, "%sfurthest phase: %s%s\n", in, rp_phase_name(rp_evidence_furthest(ev)),
	        rp_evidence_active(ev) ? " (active reached)" : "");
	fprintf(f, "%slast error: %s 0x%08X%s%s\n", in,
	        ev->last_error_name[0] ? ev->last_error_name : "-", ev->last_error,
	        ev->last_error ? ": " : "", ev->last_error ? ev->last_error_string : "");
	fprintf(f, "%sserver errorInfo: %s 0x%08X\n", in,
	        ev->error_info_name[0] ? ev->error_info_name : "-", ev->error_info);
	fprintf(f, "%sbytes in/out: %llu/%llu%s\n", in, (unsigned long long)ev->bytes_in,
	        (unsigned long long)ev->bytes_out, ev->watchdog_fired ? ", watchdog fired" : "");
	if (ev->recheck.tcp != RP_RECHECK_NOT_RUN)
	{
		char req[96] = "";
		if (ev->recheck.x224_info && ev->recheck.x224 == RP_X224_SILENT)
			snprintf(req, sizeof(req), ", the request %s",
			         ev->recheck.x224_unacked ? "itself unacknowledged" : "acknowledged");
		if (ev->recheck.x224_info && ev->recheck.x224_retrans)
		{
			size_t len = strlen(req);
			snprintf(req + len, sizeof(req) - len, ", %u retransmission%s",
			         ev->recheck.x224_retrans, ev->recheck.x224_retrans == 1 ? "" : "s");
		}
		fprintf(f, "%srecheck (a second connection): TCP %s (%.0f ms), X.224 %s (%.0f ms%s)\n", in,
		        rp_recheck_tcp_name(ev->recheck.tcp), ev->recheck.tcp_ms,
		        rp_recheck_x224_name(ev->recheck.x224), ev->recheck.x224_ms, req);
	}
	if (ev->recheck.not_run[0])
		fprintf(f, "%s%s%s\n", in, ev->recheck.tcp != RP_RECHECK_NOT_RUN ? "  " : "",
		        ev->recheck.not_run);
	if (ev->recheck.tls != RP_RECHECK_TLS_NOT_RUN)
		fprintf(f, "%s  then TLS on it: %s (%.0f ms, %llu bytes from the server)\n", in,
		        rp_recheck_tls_name(ev->recheck.tls), ev->recheck.tls_ms,
		        (unsigned long long)ev->recheck.tls_bytes_in);
	if (ev->recheck.tls_small_mss != RP_RECHECK_TLS_NOT_RUN)
		fprintf(f, "%s  a third asking for 536-byte segments: TLS %s (%.0f ms)\n", in,
		        rp_recheck_tls_name(ev->recheck.tls_small_mss), ev->recheck.tls_small_mss_ms);
	if (ev->recheck.bw.run)
	{
		const struct rp_bw_probe* bw = &ev->recheck.bw;
		double kbit, spread;
		if (bw->sock_errno)
			fprintf(f, "%s  a train of echo requests, for the link's pace: no raw socket (%s)\n", in,
			        strerror(bw->sock_errno));
		else
		{
			fprintf(f, "%s  a train of %d echo requests of %d bytes, for the link's pace: %d "
			        "replies", in, bw->n_sent, bw->size, bw->n);
			for (int i = 0; i < bw->n && i < RP_BW_SAMPLES; i++)
				fprintf(f, "%s#%d@%.1f", i ? ", " : " (", bw->seq[i], bw->t_ms[i]);
			fprintf(f, "%s", bw->n ? " ms)" : "");
			if (rp_bw_estimate(bw, &kbit, &spread))
				fprintf(f, ": %.1f kbit/s, intervals within %.2fx", kbit, spread);
			fprintf(f, "\n");
		}
	}
	if (ev->recheck.ping.run)
	{
		if (ev->recheck.ping.sock_errno)
			fprintf(f, "%secho requests to the server's address: no raw socket (%s)\n", in,
			        strerror(ev->recheck.ping.sock_errno));
		else
			fprintf(f, "%secho requests to the server's address (TCP never came up): %d of %d "
			        "answered\n",
			        in, ev->recheck.ping.n, ev->recheck.ping.n_sent);
	}
	if (ev->recheck.replay.run)
		fprintf(f, "%s  a replay (a fresh FreeRDP connection, %u ms deadline): reached %s%s, "
		        "ended by %s after %.0f ms\n",
		        in, ev->recheck.replay.deadline_ms, rp_phase_name(ev->recheck.replay.furthest),
		        ev->recheck.replay.active ? " (active)" : "", rp_end_name(ev->recheck.replay.end),
		        ev->recheck.replay.ms);
	else if (ev->recheck.replay.not_run[0])
		fprintf(f, "%s  no replay: %s\n", in, ev->recheck.replay.not_run);
	fprintf(f, "%stime: total %.1f ms", in, ev->t_total_ms);
	if (c2a >= 0)
		fprintf(f, ", TCP connected to active %.1f ms", c2a);
	fprintf(f, "\n");
	fclose(f);
	return buf;
}
