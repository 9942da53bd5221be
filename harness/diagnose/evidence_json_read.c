/* evidence_json_read.c: the evidence record read back from its JSON (evidence_json.c writes
 * it): by the runner from the probe's evidence.json, and by `rdprepro classify`. */
#include "evidence.h"
#include "evidence_fields.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

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

/* A time or a rate: a finite number (json-c reads NaN and Infinity too; no writer of ours
 * writes them, and a verdict's comparisons with them are all false). */
static void get_ms(struct reader* r, json_object* o, const char* k, double* dst)
{
	json_object* v = get(r, o, k, json_type_double);
	if (v && !isfinite(json_object_get_double(v)))
		r->ok = rp_fail(r->err, "%s: key \"%s\" is not a finite number", r->where, k);
	else if (v)
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

/* Reads the table's fields into the struct at s, in the table's order (evidence_fields.h). */
static void fields_from_json(struct reader* r, json_object* o, const struct ev_fields* t, void* s)
{
	for (size_t i = 0; i < t->n; i++)
	{
		const struct ev_field* f = &t->rows[i];
		char* p = (char*)s + f->offset;
		switch (f->kind)
		{
			case EV_U32:
				get_u32(r, o, f->key, (uint32_t*)p);
				break;
			case EV_U64:
				get_u64(r, o, f->key, (uint64_t*)p);
				break;
			case EV_BOOL:
				get_bool(r, o, f->key, (bool*)p);
				break;
			case EV_MS:
				get_ms(r, o, f->key, (double*)p);
				break;
		}
	}
}

/* The attempt's socket as the raw socket saw it: its port, the TTLs, the server's unseen bytes. */
static void wire_from_json(struct reader* r, json_object* o, struct rp_attempt* a)
{
	uint32_t t = 0;
	json_object* u;

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
	u = get(r, o, "server_unseen", json_type_int);
	if (u)
		a->server_unseen = json_object_get_int64(u);
}

static void events_from_json(struct reader* r, json_object* events, struct rp_attempt* a)
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
			if (p == RP_PHASE_COUNT || !json_object_is_type(val, json_type_double) ||
			    !isfinite(json_object_get_double(val)))
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
		fields_from_json(r, tcp, &ev_tcpinfo_fields, &a->tcp);
	wire_from_json(r, o, a);
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
		events_from_json(r, events, a);
}

static void session_from_json(struct reader* r, json_object* o, struct rp_session* ss)
{
	char act[16] = "";
	json_object* arr;

	if (!o)
		return;
	get_u32(r, o, "want_ms", &ss->want_ms);
	get_str(r, o, "activity", act, sizeof(act));
	ss->activity = act[0] ? RP_ACTIVITY_COUNT : RP_ACTIVITY_IDLE; /* absent: idle */
	for (int i = 0; i < RP_ACTIVITY_COUNT; i++)
		if (strcmp(act, rp_activity_name((enum rp_activity)i)) == 0)
			ss->activity = (enum rp_activity)i;
	if (ss->activity == RP_ACTIVITY_COUNT && r->ok)
		r->ok = rp_fail(r->err, "evidence: session: unknown activity \"%s\"", act);
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
		fields_from_json(r, j, &ev_sample_fields, m);
		ss->n_samples++;
	}
}


static void attempts_from_json(struct reader* r, json_object* o, struct rp_evidence* ev)
{
	json_object* attempts = get(r, o, "attempts", json_type_array);
	size_t n;

	if (!attempts)
		return;
	n = json_object_array_length(attempts);
	for (size_t i = 0; i < n && i < RP_MAX_ATTEMPTS && r->ok; i++)
	{
		json_object* a = json_object_array_get_idx(attempts, i);
		if (!json_object_is_type(a, json_type_object))
		{
			r->ok = rp_fail(r->err, "evidence: attempts[%zu] is not an object", i);
			break;
		}
		attempt_from_json(r, a, &ev->attempts[ev->n_attempts++]);
	}
}

/* The final facts, after the attempts (evidence_json.c's finals_to_json). */
static void finals_from_json(struct reader* r, json_object* o, struct rp_evidence* ev)
{
	uint32_t g = 0;

	get_hex(r, o, "last_error", &ev->last_error);
	get_str(r, o, "last_error_name", ev->last_error_name, sizeof(ev->last_error_name));
	get_str(r, o, "last_error_string", ev->last_error_string, sizeof(ev->last_error_string));
	get_str(r, o, "last_error_category", ev->last_error_category,
	        sizeof(ev->last_error_category));
	get_hex(r, o, "error_info", &ev->error_info);
	get_str(r, o, "error_info_name", ev->error_info_name, sizeof(ev->error_info_name));
	get_bool(r, o, "connect_returned_true", &ev->connect_returned_true);
	get_bool(r, o, "watchdog_fired", &ev->watchdog_fired);
	get_bool(r, o, "cert_rejected", &ev->cert_rejected);
	get_str(r, o, "cert_problem", ev->cert_problem, sizeof(ev->cert_problem));
	get_bool(r, o, "is_name", &ev->is_name);
	get_u32(r, o, "gai_error", &g);
	ev->gai_error = (int)g;
	get_str(r, o, "resolved", ev->resolved, sizeof(ev->resolved));
	get_u64(r, o, "bytes_in", &ev->bytes_in);
	get_u64(r, o, "bytes_out", &ev->bytes_out);
	get_ms(r, o, "t_total_ms", &ev->t_total_ms);
	get_bool(r, o, "ttl_watched", &ev->ttl_watched);
}

static void timers_from_json(struct reader* r, json_object* o, struct rp_client_timers* tm)
{
	json_object* t = get(r, o, "client_timers", json_type_object);

	if (!t)
		return;
	tm->known = true;
	fields_from_json(r, t, &ev_timers_fields, tm);
}

static void liveness_from_json(struct reader* r, json_object* o, struct rp_liveness* lv)
{
	json_object* l = get(r, o, "liveness", json_type_object);
	char res[24] = "";

	if (!l)
		return;
	get_str(r, l, "result", res, sizeof(res));
	lv->result = RP_ALIVE_COUNT;
	for (int i = 0; i < RP_ALIVE_COUNT; i++)
		if (strcmp(res, rp_alive_name((enum rp_alive)i)) == 0)
			lv->result = (enum rp_alive)i;
	if (lv->result == RP_ALIVE_COUNT && r->ok)
		r->ok = rp_fail(r->err, "evidence: liveness: unknown result \"%s\"", res);
	fields_from_json(r, l, &ev_liveness_fields, lv);
}

static void ping_from_json(struct reader* r, json_object* rc, struct rp_bw_probe* ping)
{
	json_object* j = get(r, rc, "ping", json_type_object);
	uint32_t a = 0, b = 0, e = 0;

	if (!j)
		return;
	ping->run = true;
	get_u32(r, j, "sent", &a);
	get_u32(r, j, "replies", &b);
	get_u32(r, j, "errno", &e);
	ping->n_sent = a <= 64 ? (int)a : 0;
	ping->n = b <= 64 ? (int)b : 0;
	ping->sock_errno = e <= 4095 ? (int)e : 0;
}

static void sizes_from_json(struct reader* r, json_object* rc, struct rp_size_probe* z)
{
	json_object* j = get(r, rc, "sizes", json_type_object);
	uint32_t v[6] = { 0 };

	if (!j)
		return;
	z->run = true;
	get_u32(r, j, "errno", &v[0]);
	get_u32(r, j, "big", &v[1]);
	get_u32(r, j, "big_sent", &v[2]);
	get_u32(r, j, "big_answered", &v[3]);
	get_u32(r, j, "small_sent", &v[4]);
	get_u32(r, j, "small_answered", &v[5]);
	z->sock_errno = v[0] <= 4095 ? (int)v[0] : 0;
	z->big = v[1] <= 65535 ? (int)v[1] : 0;
	z->big_sent = v[2] <= 64 ? (int)v[2] : 0;
	z->big_answered = v[3] <= (uint32_t)z->big_sent ? (int)v[3] : z->big_sent;
	z->small_sent = v[4] <= 64 ? (int)v[4] : 0;
	z->small_answered = v[5] <= (uint32_t)z->small_sent ? (int)v[5] : z->small_sent;
}

static void replay_from_json(struct reader* r, json_object* rc, struct rp_replay* rr)
{
	json_object* j = get(r, rc, "replay", json_type_object);
	char end[24] = "";

	if (!j)
		return;
	get_bool(r, j, "run", &rr->run);
	get_str(r, j, "not_run", rr->not_run, sizeof(rr->not_run));
	get_u32(r, j, "deadline_ms", &rr->deadline_ms);
	get_phase(r, j, "furthest", &rr->furthest);
	get_bool(r, j, "active", &rr->active);
	get_str(r, j, "end", end, sizeof(end));
	rr->end = end[0] ? rp_end_from_name(end) : RP_END_UNKNOWN;
	if (rr->end == RP_END_COUNT && r->ok)
		r->ok = rp_fail(r->err, "evidence: recheck.replay.end: unknown \"%s\"", end);
	get_hex(r, j, "last_error", &rr->last_error);
	get_ms(r, j, "ms", &rr->ms);
}

/* The recheck's stages by name; an absent one was not run, a name none of them has is an
 * error. */
static void recheck_stages(struct reader* r, struct rp_recheck* rk, const char* t, const char* x,
                           const char* tls, const char* small)
{
	bool t_ok = !t[0], x_ok = !x[0], tls_ok = !tls[0], small_ok = !small[0];

	for (int i = 0; i <= RP_RECHECK_TLS_FAILED; i++)
	{
		if (strcmp(tls, rp_recheck_tls_name((enum rp_recheck_tls)i)) == 0)
		{
			rk->tls = (enum rp_recheck_tls)i;
			tls_ok = true;
		}
		if (strcmp(small, rp_recheck_tls_name((enum rp_recheck_tls)i)) == 0)
		{
			rk->tls_small_mss = (enum rp_recheck_tls)i;
			small_ok = true;
		}
	}
	for (int i = 0; i <= RP_RECHECK_NO_ANSWER; i++)
		if (strcmp(t, rp_recheck_tcp_name((enum rp_recheck_tcp)i)) == 0)
		{
			rk->tcp = (enum rp_recheck_tcp)i;
			t_ok = true;
		}
	for (int i = 0; i <= RP_X224_CLOSED_AT_ONCE; i++)
		if (strcmp(x, rp_recheck_x224_name((enum rp_recheck_x224)i)) == 0)
		{
			rk->x224 = (enum rp_recheck_x224)i;
			x_ok = true;
		}
	if (r->ok && !(t_ok && x_ok && tls_ok && small_ok))
		r->ok = rp_fail(r->err, "evidence: recheck: unknown stage result \"%s\"",
		                !t_ok ? t : !x_ok ? x : !tls_ok ? tls : small);
}

static void recheck_from_json(struct reader* r, json_object* o, struct rp_recheck* rk)
{
	json_object* rc = get(r, o, "recheck", json_type_object);
	char t[32] = "", x[32] = "", tls[32] = "", small[32] = "";

	if (!rc)
		return;
	get_str(r, rc, "tcp", t, sizeof(t));
	if (json_object_object_get_ex(rc, "not_run", NULL))
		get_str(r, rc, "not_run", rk->not_run, sizeof(rk->not_run));
	get_str(r, rc, "x224", x, sizeof(x));
	get_str(r, rc, "tls", tls, sizeof(tls));
	get_ms(r, rc, "tcp_ms", &rk->tcp_ms);
	get_ms(r, rc, "x224_ms", &rk->x224_ms);
	if (json_object_object_get_ex(rc, "x224_unacked", NULL))
	{
		rk->x224_info = true;
		get_u32(r, rc, "x224_unacked", &rk->x224_unacked);
		get_u32(r, rc, "x224_retrans", &rk->x224_retrans);
	}
	get_ms(r, rc, "tls_ms", &rk->tls_ms);
	get_u64(r, rc, "tls_bytes_in", &rk->tls_bytes_in);
	get_str(r, rc, "tls_small_mss", small, sizeof(small));
	get_ms(r, rc, "tls_small_mss_ms", &rk->tls_small_mss_ms);
	read_bandwidth(r, rc, &rk->bw);
	ping_from_json(r, rc, &rk->ping);
	sizes_from_json(r, rc, &rk->sizes);
	replay_from_json(r, rc, &rk->replay);
	recheck_stages(r, rk, t, x, tls, small);
}

bool rp_evidence_from_json(struct rp_evidence* ev, const char* json, struct rp_err* err)
{
	enum json_tokener_error jerr = json_tokener_success;
	json_object* o = json_tokener_parse_verbose(json, &jerr);
	struct reader r = { .err = err, .where = "evidence", .ok = true };

	rp_evidence_init(ev);
	if (!o)
		return rp_fail(err, "evidence: not JSON: %s", json_tokener_error_desc(jerr));
	if (!json_object_is_type(o, json_type_object))
	{
		json_object_put(o);
		return rp_fail(err, "evidence: not a JSON object");
	}
	{
		/* A runner's result.json (results.c, "rdprepro-result/1") holds the record as its
		 * "evidence": read that, not the result's own members (which hold no attempts). */
		json_object* rec = NULL;
		json_object* inner = NULL;
		if (json_object_object_get_ex(o, "record", &rec) &&
		    json_object_is_type(rec, json_type_string) &&
		    strcmp(json_object_get_string(rec), "rdprepro-result/1") == 0 &&
		    json_object_object_get_ex(o, "evidence", &inner) &&
		    json_object_is_type(inner, json_type_object))
		{
			json_object_get(inner);
			json_object_put(o);
			o = inner;
		}
	}
	get_str(&r, o, "target", ev->target, sizeof(ev->target));
	get_str(&r, o, "freerdp_version", ev->freerdp_version, sizeof(ev->freerdp_version));
	get_u32(&r, o, "deadline_ms", &ev->deadline_ms);
	get_u32(&r, o, "hold_ms", &ev->hold_ms);
	get_ms(&r, o, "t0_mono_ms", &ev->t0_mono_ms);
	attempts_from_json(&r, o, ev);
	finals_from_json(&r, o, ev);
	timers_from_json(&r, o, &ev->timers);
	liveness_from_json(&r, o, &ev->liveness);
	session_from_json(&r, get(&r, o, "session", json_type_object), &ev->session);
	recheck_from_json(&r, o, &ev->recheck);
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
