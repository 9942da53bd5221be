/* evidence.c: the evidence record: the names of its enums, how the probe fills it attempt by
 * attempt, and the facts derived from it. Its JSON form is evidence_json.c (written) and
 * evidence_json_read.c (read back); its readable summary is evidence_text.c. */
#include "evidence.h"

#include <stdlib.h>
#include <string.h>

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

int64_t rp_tcp_unseen(uint32_t isn, uint32_t ack_seq, uint64_t bytes_received, bool have_fin,
                      uint32_t fin_seq)
{
	uint32_t in_order = isn + 1 + (uint32_t)bytes_received;
	int32_t d;

	if (have_fin && fin_seq == in_order)
		in_order++;
	d = (int32_t)(ack_seq - in_order);
	return d > 0 ? d : 0;
}
