/* reproduce_match.c: a lab client's log compared with the field's, fact by fact, each with its
 * weight (reproduce.c says which and why); whether the lab run reproduces the field log. */
#include "reproduce_match.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* ---- comparing a lab log with the field's ---- */

enum fact_result
{
	F_DIFFERS,
	F_PARTLY, /* 3 of the verdict's 4: the lab is unsure where the field named the cause */
	F_MATCHES,
};

static void fact(struct match* m, int weight, enum fact_result r, const char* fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fact(struct match* m, int weight, enum fact_result r, const char* fmt, ...)
{
	va_list ap;

	m->max += weight;
	m->score += r == F_MATCHES ? weight : r == F_PARTLY ? weight - 1 : 0;
	va_start(ap, fmt);
	if (r != F_DIFFERS && m->n_matched < MAX_FACTS)
		vsnprintf(m->matched[m->n_matched++], sizeof(m->matched[0]), fmt, ap);
	else if (r == F_DIFFERS && m->n_differs < MAX_FACTS)
		vsnprintf(m->differs[m->n_differs++], sizeof(m->differs[0]), fmt, ap);
	va_end(ap);
}

static bool in_candidates(const struct rp_field_verdict* fv, enum rp_cause c)
{
	for (int k = 0; k < fv->n_candidates; k++)
		if (fv->candidates[k] == c)
			return true;
	return fv->v.runner_up == c;
}

/* The phase a log names, RP_PHASE_COUNT for none (a log that names no step beyond the start
 * says nothing of the phase). */
enum rp_phase rp_reproduce_field_phase(const struct rp_fieldlog* log)
{
	enum rp_phase p = log->has_phase ? rp_evidence_furthest(&log->ev) : RP_PHASE_NONE;
	return p == RP_PHASE_NONE ? RP_PHASE_COUNT : p;
}

/* The disconnect reason a Windows client would show for a verdict (its row in verdict.c, an
 * inference where the row says so): the cause's; for an undetermined one, the reason all its
 * candidates share; 0 when there is none. */
static unsigned windows_reason(const struct rp_field_verdict* v)
{
	unsigned r = 0;

	if (v->v.cause != RP_CAUSE_UNDETERMINED)
		return rp_cause_info(v->v.cause)->disc_reason;
	for (int k = 0; k < v->n_candidates; k++)
	{
		unsigned c = rp_cause_info(v->candidates[k])->disc_reason;
		if (k > 0 && c != r)
			return 0;
		r = c;
	}
	return r;
}

/* The seconds to failure a log shows (TLS's if it has one, else the TCP connect's), -1. */
int rp_reproduce_fail_after(const struct rp_fieldlog* log, bool* tls)
{
	*tls = log->tls_fail_after_s >= 0;
	return *tls ? log->tls_fail_after_s : log->connect_fail_after_s;
}

/* The lab's time to the failure of the step, from its record (monotonic, LAB-NOTES) when its
 * log does not show that step's failure (FreeRDP 3 names a refused connect otherwise than 2):
 * TLS's start to the end of the first attempt that stopped in TLS, or the first attempt's
 * start to its end. -1 when neither says. */
static double record_fail_s(const struct rp_evidence* ev, bool tls)
{
	for (int i = 0; ev && i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		if (!tls)
			return (a->t_end_ms - a->t_start_ms) / 1000.0;
		if (a->furthest == RP_PHASE_TLS && a->t_phase_ms[RP_PHASE_TLS] >= 0)
			return (a->t_end_ms - a->t_phase_ms[RP_PHASE_TLS]) / 1000.0;
	}
	return -1;
}

static void compare_timing(const struct rp_fieldlog* field, const struct rp_fieldlog* lab,
                           const struct rp_evidence* record, struct match* m)
{
	bool tls, lab_tls;
	int fs = rp_reproduce_fail_after(field, &tls);
	double ls, tol;
	const char* step = tls ? "TLS" : "TCP connect";
	const char* from = "log";

	if (fs < 0)
		return;
	ls = rp_reproduce_fail_after(lab, &lab_tls);
	if (ls < 0 || lab_tls != tls)
	{
		ls = record_fail_s(record, tls);
		from = "record";
	}
	tol = fs * TOL_SHARE > TOL_MIN_S ? fs * TOL_SHARE : TOL_MIN_S;
	if (ls < 0)
		fact(m, 2, F_DIFFERS, "time to failure: the field's %s failed after %d s, the lab's did "
		                      "not fail there", step, fs);
	else
		fact(m, 2, fabs(ls - fs) <= tol ? F_MATCHES : F_DIFFERS,
		     "time to failure: %s failed after %.1f s (the lab's %s; the field's %d s, within "
		     "%.0f s)", step, ls, from, fs, tol);
}

/* Scores the lab's log against the field's; key facts decide `reproduces`. */
void rp_reproduce_compare(const struct rp_fieldlog* field, const struct rp_field_verdict* fv,
                          const struct rp_fieldlog* lab, const struct rp_evidence* record,
                          struct match* m)
{
	struct rp_field_verdict lv;
	enum rp_cause fc = fv->v.cause;
	bool key = true, key_compared;
	int before, compared;
	char theirs[128];

	rp_fieldlog_classify(lab, &lv);
	rp_strlcpy(m->lab_verdict, rp_cause_name(lv.v.cause), sizeof(m->lab_verdict));
	/* An undetermined field verdict allows each of its candidates alike: a lab log that names
	 * one (a DEBUG log says more than most field logs) agrees as much as one as unsure. */
	if (lv.v.cause == fc)
		fact(m, 4, F_MATCHES, "verdict %s", rp_cause_name(fc));
	else if (fc == RP_CAUSE_UNDETERMINED && in_candidates(fv, lv.v.cause))
		fact(m, 4, F_MATCHES, "verdict %s, one of the field's candidates",
		     rp_cause_name(lv.v.cause));
	else if (lv.v.cause == RP_CAUSE_UNDETERMINED && in_candidates(&lv, fc))
		fact(m, 4, F_PARTLY, "verdict undetermined, naming the field's %s", rp_cause_name(fc));
	else
	{
		fact(m, 4, F_DIFFERS, "verdict: the lab's log reads %s, the field's %s",
		     rp_cause_name(lv.v.cause), rp_cause_name(fc));
		key = false;
	}
	before = m->n_differs;
	compared = m->max;
	if (rp_reproduce_field_phase(field) != RP_PHASE_COUNT)
	{
		enum rp_phase fp = rp_evidence_furthest(&field->ev), lp = rp_evidence_furthest(&lab->ev);
		fact(m, 2, fp == lp ? F_MATCHES : F_DIFFERS, "phase %s%s%s", rp_phase_name(lp),
		     fp == lp ? "" : ", the field's ", fp == lp ? "" : rp_phase_name(fp));
	}
	if (field->ev.error_info)
	{
		snprintf(theirs, sizeof(theirs), ", the field's 0x%X", field->ev.error_info);
		fact(m, 2, field->ev.error_info == lab->ev.error_info ? F_MATCHES : F_DIFFERS,
		     "errorInfo 0x%X%s", lab->ev.error_info,
		     field->ev.error_info == lab->ev.error_info ? "" : theirs);
	}
	compare_timing(field, lab, record, m);
	key = key && m->n_differs == before;
	key_compared = m->max > compared;
	/* A FreeRDP log prints a Set Error Info at its default level (ERROR): one the field's log
	 * lacks and the lab's has is a difference (it only ranks: a client that did not announce
	 * the PDU gets none, FIELD.md). Windows' events never log it; another client's log
	 * (field->family) need not either. */
	if (!field->ev.error_info && field->kind == RP_LOG_FREERDP && !field->family[0])
	{
		if (lab->ev.error_info)
			fact(m, 1, F_DIFFERS, "errorInfo 0x%X in the lab's log, none in the field's",
			     lab->ev.error_info);
		else
			fact(m, 1, F_MATCHES, "no errorInfo, as in the field's log");
	}
	if (field->ev.last_error)
	{
		snprintf(theirs, sizeof(theirs), ", the field's 0x%08X %s", field->ev.last_error,
		         field->ev.last_error_name);
		fact(m, 1, field->ev.last_error == lab->ev.last_error ? F_MATCHES : F_DIFFERS,
		     "last error 0x%08X%s", lab->ev.last_error,
		     field->ev.last_error == lab->ev.last_error ? "" : theirs);
	}
	if (field->errno_seen)
	{
		snprintf(theirs, sizeof(theirs), ", the field's %d", field->errno_seen);
		fact(m, 1, field->errno_seen == lab->errno_seen ? F_MATCHES : F_DIFFERS, "errno %d%s",
		     lab->errno_seen, field->errno_seen == lab->errno_seen ? "" : theirs);
	}
	if (field->windows_reason)
	{
		unsigned r = windows_reason(&lv);
		if (!r)
			fact(m, 1, F_DIFFERS, "Windows reason: the lab's verdict gives none");
		else
			fact(m, 1, r == (unsigned)field->windows_reason ? F_MATCHES : F_DIFFERS,
			     "Windows reason %u (0x%X) for the lab's verdict%s", r, r,
			     r == (unsigned)field->windows_reason ? "" : ": not the field's");
	}
	/* Where the field is undetermined the verdict alone is no evidence: a key fact must have
	 * agreed, or every fact. */
	m->reproduces = key && (fc != RP_CAUSE_UNDETERMINED || key_compared || m->n_differs == 0);
}
