/* verdict_decide.c: the classifier's rules.
 *
 * A table of rules over the evidence record, most specific first. It knows the causes the
 * catalog reproduces so far; the rest are "undetermined" until it grows.
 *
 * Here: the table's order and the decision over it (the differential loop, the confidence,
 * the reasons), and the rows' clauses as the docs read them. Each row, with what identifies
 * its cause and the clauses that rule it out, is in its family's file: verdict_net.c,
 * verdict_path.c, verdict_server.c, verdict_client.c, verdict_session.c, with the signs they
 * share in verdict_signs.c (verdict_rules.h). */
#include "verdict_rules.h"

#include <stdio.h>
#include <string.h>

/* The table: one row per cause, what identifies it (the function) and what rules it out
 * (the clauses). Every row is checked; the order lists the candidates, picks the runner-up (the
 * first other survivor) and, among equally strong survivors, whose reason is told. Each row is
 * defined beside its predicates, in its family's file (verdict_rules.h). */
static const struct rule* const rules[] = {
	&vr_row_connected,
	&vr_row_server_denied,
	&vr_row_licensing_failure,
	&vr_row_dns_failure,
	&vr_row_certificate_rejected,
	&vr_row_security_mismatch,
	&vr_row_bad_credentials,
	&vr_row_port_closed,
	&vr_row_port_filtered,
	&vr_row_mtu_blackhole,
	&vr_row_server_overloaded,
	&vr_row_firewall_reset,
	&vr_row_high_latency,
	&vr_row_low_bandwidth,
	&vr_row_packet_loss,
	&vr_row_tunnel_drop,
	&vr_row_server_hung,
	&vr_row_nat_idle_timeout,
	/* After activation. */
	&vr_row_server_ended_session,
	&vr_row_server_fault,
	&vr_row_broker_failure,
	&vr_row_s_tunnel_drop,
	&vr_row_s_nat_idle_timeout,
	&vr_row_s_firewall_reset,
	&vr_row_s_mtu_blackhole,
	&vr_row_s_packet_loss,
};

#define N_RULES (sizeof(rules) / sizeof(rules[0]))

/* The rows that apply to a record: the connection sequence's until the session was active,
 * the session's from then on, and those of any scope. */
static enum scope scope_of(const struct rp_evidence* ev)
{
	return rp_evidence_active(ev) ? SCOPE_SESSION : SCOPE_CONNECT;
}

static bool applies(const struct rule* r, enum scope sc)
{
	return r->scope == SCOPE_ANY || r->scope == sc;
}

static const struct rule* rule_in(enum rp_cause c, enum scope sc)
{
	for (size_t i = 0; i < N_RULES; i++)
		if (rules[i]->cause == c && applies(rules[i], sc))
			return rules[i];
	return NULL;
}

/* The cause's connection-time row (or its any-scope one), for the docs. */
static const struct rule* rule_of(enum rp_cause c)
{
	return rule_in(c, SCOPE_CONNECT);
}

static size_t clauses_text(const struct rule* r, char* buf, size_t n);

size_t rp_cause_ruled_out_text(enum rp_cause c, char* buf, size_t n)
{
	return clauses_text(rule_of(c), buf, n);
}

size_t rp_cause_session_ruled_out_text(enum rp_cause c, char* buf, size_t n)
{
	const struct rule* r = rule_in(c, SCOPE_SESSION);
	if (n)
		buf[0] = '\0';
	return r && r->scope == SCOPE_SESSION ? clauses_text(r, buf, n) : 0;
}

static size_t clauses_text(const struct rule* r, char* buf, size_t n)
{
	size_t len = 0;

	if (n)
		buf[0] = '\0';
	if (!r)
		return 0;
	for (int k = 0; k < MAX_CLAUSES && r->out[k].holds; k++)
		len += (size_t)snprintf(buf + (len < n ? len : n), len < n ? n - len : 0, "%s%s",
		                        k ? "; " : "", r->out[k].text);
	return len;
}

/* The first clause of the rule that holds, its reason in why; NULL if none. */
static const struct clause* ruled_out(const struct rule* r, const struct rp_evidence* ev,
                                      char* why, size_t n)
{
	for (int k = 0; k < MAX_CLAUSES && r->out[k].holds; k++)
		if (r->out[k].holds(ev, why, n))
			return &r->out[k];
	return NULL;
}

static void append(char* dst, size_t n, const char* fmt, const char* a, const char* b)
{
	size_t len = strlen(dst);
	if (len + 1 < n)
		snprintf(dst + len, n - len, fmt, a, b);
}

/* What the table says of one row for a record. */
struct judged
{
	bool identified, out;
	char why[256], out_why[256];
	struct rp_verdict own; /* what the identifying function said */
};

/* Every row checked: whether its cause's evidence is there, and whether a clause rules it out
 * (rows of another scope neither). */
static void judge(const struct rp_evidence* ev, enum scope sc, struct judged* st)
{
	for (size_t i = 0; i < N_RULES; i++)
	{
		memset(&st[i].own, 0, sizeof(st[i].own));
		st[i].identified = st[i].out = false;
		st[i].why[0] = st[i].out_why[0] = '\0';
		if (!applies(rules[i], sc))
			continue;
		st[i].own.runner_up = RP_CAUSE_COUNT;
		st[i].own.confidence = rules[i]->confidence;
		st[i].why[0] = st[i].out_why[0] = '\0';
		st[i].identified = rules[i]->identify(ev, st[i].why, sizeof(st[i].why), &st[i].own);
		st[i].out = ruled_out(rules[i], ev, st[i].out_why, sizeof(st[i].out_why)) != NULL;
	}
}

/* The survivors: identified and not ruled out. The strongest leads; a tie leaves the
 * verdict undetermined between them. */
static int strongest(const struct judged* st)
{
	int best = -1;

	for (size_t i = 0; i < N_RULES; i++)
	{
		if (!st[i].identified || st[i].out)
			continue;
		if (best < 0 || st[i].own.confidence > st[best].own.confidence)
			best = (int)i;
	}
	return best;
}

/* The other survivors, as candidates (the first of them the runner-up); whether one of them
 * is as strong as the leader. */
static bool name_other_survivors(const struct judged* st, int best, struct rp_verdict* v)
{
	bool tie = false;

	for (size_t i = 0; i < N_RULES; i++)
	{
		if ((int)i == best || !st[i].identified || st[i].out)
			continue;
		tie |= st[i].own.confidence == st[best].own.confidence;
		if (v->n_candidates < RP_MAX_CANDIDATES)
			v->candidates[v->n_candidates++] = rules[i]->cause;
		if (v->runner_up == RP_CAUSE_COUNT)
		{
			v->runner_up = rules[i]->cause;
			snprintf(v->unsure, sizeof(v->unsure), "its evidence is present too: %s",
			         st[i].why);
		}
	}
	return tie;
}

/* What the winner's own rule named as not ruled out, unless the table rules it out. */
static void winners_runner_up(const struct rp_evidence* ev, enum scope sc,
                              const struct judged* winner, struct rp_verdict* v)
{
	if (winner->own.runner_up != RP_CAUSE_COUNT)
	{
		const struct rule* r = rule_in(winner->own.runner_up, sc);
		char tmp[256];
		if (r && !ruled_out(r, ev, tmp, sizeof(tmp)))
		{
			bool listed = false;
			for (int k = 0; k < v->n_candidates; k++)
				listed |= v->candidates[k] == r->cause;
			if (!listed && v->n_candidates < RP_MAX_CANDIDATES)
				v->candidates[v->n_candidates++] = r->cause;
			if (v->runner_up == RP_CAUSE_COUNT || v->runner_up == r->cause)
			{
				v->runner_up = r->cause;
				rp_strlcpy(v->unsure, winner->own.unsure, sizeof(v->unsure));
			}
		}
	}
}

/* The verdict when a survivor leads: its cause, or undetermined on a tie; a cause that stays
 * beside it brings the confidence down to medium. */
static void decide(const struct rp_evidence* ev, enum scope sc, const struct judged* st,
                   int best, struct rp_verdict* v)
{
	bool tie;

	v->cause = rules[best]->cause;
	v->confidence = st[best].own.confidence;
	rp_strlcpy(v->because, st[best].why, sizeof(v->because));
	tie = name_other_survivors(st, best, v);
	winners_runner_up(ev, sc, &st[best], v);
	if (tie)
	{
		v->candidates[v->n_candidates < RP_MAX_CANDIDATES ? v->n_candidates++
		                                                  : RP_MAX_CANDIDATES - 1] = v->cause;
		snprintf(v->because, sizeof(v->because),
		         "the evidence of more than one cause is present and none is ruled out: %s",
		         st[best].why);
		v->cause = RP_CAUSE_UNDETERMINED;
		v->confidence = RP_CONF_LOW;
	}
	else if (v->runner_up != RP_CAUSE_COUNT && v->confidence > RP_CONF_MEDIUM)
		v->confidence = RP_CONF_MEDIUM;
}

static void undetermined(const struct rp_evidence* ev, enum scope sc, const struct judged* st,
                         struct rp_verdict* v)
{
	/* Nothing identified survives: name what the evidence still allows. */
	v->cause = RP_CAUSE_UNDETERMINED;
	v->confidence = RP_CONF_LOW;
	snprintf(v->because, sizeof(v->because),
	         "no cause's identifying evidence survives: furthest phase %s, last error 0x%08X, "
	         "errorInfo 0x%08X",
	         rp_phase_name(rp_evidence_furthest(ev)), ev->last_error, ev->error_info);
	for (size_t i = 0; i < N_RULES; i++)
		if (applies(rules[i], sc) && !st[i].out && rules[i]->cause != RP_CAUSE_CONNECTED &&
		    v->n_candidates < RP_MAX_CANDIDATES)
			v->candidates[v->n_candidates++] = rules[i]->cause;
}

/* What eliminated each look-alike: the causes whose evidence was there, ruled out. */
static void name_eliminated(const struct judged* st, struct rp_verdict* v)
{
	for (size_t i = 0; i < N_RULES; i++)
		if (st[i].identified && st[i].out)
		{
			char item[300];
			snprintf(item, sizeof(item), "%s", rp_cause_name(rules[i]->cause));
			append(v->eliminated, sizeof(v->eliminated), "%s%s", v->eliminated[0] ? "; " : "",
			       item);
			append(v->eliminated, sizeof(v->eliminated), "%s%s", ": ", st[i].out_why);
		}
}

void rp_classify(const struct rp_evidence* ev, struct rp_verdict* v)
{
	struct judged st[N_RULES];
	int best;

	memset(v, 0, sizeof(*v));
	v->runner_up = RP_CAUSE_COUNT;
	enum scope sc = scope_of(ev);

	judge(ev, sc, st);
	best = strongest(st);
	if (best >= 0)
		decide(ev, sc, st, best, v);
	else
		undetermined(ev, sc, st, v);
	name_eliminated(st, v);
}

bool rp_verdict_names(const struct rp_verdict* v, enum rp_cause c)
{
	if (v->cause == c)
		return true;
	if (v->cause != RP_CAUSE_UNDETERMINED)
		return false;
	for (int i = 0; i < v->n_candidates; i++)
		if (v->candidates[i] == c)
			return true;
	return false;
}

bool rp_cause_ruled_out(const struct rp_evidence* ev, enum rp_cause c, char* why, size_t n)
{
	const struct rule* r = rule_in(c, scope_of(ev));
	char tmp[256];
	if (!r && rule_of(c))
	{
		/* A cause of the connection sequence alone, and the session was active. */
		if (why && n)
			snprintf(why, n, "the session was active: %s stops a connection before that",
			         rp_cause_name(c));
		return true;
	}
	return r && ruled_out(r, ev, why ? why : tmp, why ? n : sizeof(tmp)) != NULL;
}
