/* probe_session.c: the probe's session once it is active (its quiet spells, its samples, what
 * the user does, the event pump that holds it and reconnects it) and the watchdog that ends a
 * stalled attempt at the deadline. */
#include "probe_internal.h"

#include <time.h>

#include <freerdp/input.h>
#include <winpr/synch.h>

/* A PDU while the session is active: a quiet spell of QUIET_MIN_MS or more before it is kept. */
#define QUIET_MIN_MS 800.0
void probe_note_pdu(struct probe* p)
{
	struct rp_session* ss = &p->ev.session;
	double t = since_start(p);

	if (ss->t_active_ms < 0)
		return;
	{
		double from = ss->t_last_pdu_ms >= 0 ? ss->t_last_pdu_ms : ss->t_active_ms;
		if (t - from >= QUIET_MIN_MS && ss->n_quiet < RP_QUIET_SPELLS)
		{
			ss->quiet_start_ms[ss->n_quiet] = from;
			ss->quiet_ms[ss->n_quiet++] = t - from;
		}
	}
	ss->t_last_pdu_ms = t;
}

/* A sample of the session's counters (every second, at most RP_SESSION_SAMPLES). */
static void session_sample(struct probe* p)
{
	struct rp_session* ss = &p->ev.session;
	struct rp_session_sample* m;
	struct tcp_info ti;
	UINT64 in = 0, out = 0, inp = 0, outp = 0;
	rdpContext* ctx = &p->common.context;

	if (ss->n_samples >= RP_SESSION_SAMPLES)
		return;
	m = &ss->samples[ss->n_samples++];
	m->t_ms = since_start(p);
	if (ctx->rdp && freerdp_get_stats(ctx->rdp, &in, &out, &inp, &outp))
	{
		m->bytes_in = in;
		m->bytes_out = out;
	}
	m->updates = ss->updates;
	if (p->fd >= 0 && read_tcp_info(p->fd, &ti))
	{
		m->retransmits = ti.tcpi_total_retrans;
		m->unacked = ti.tcpi_unacked;
		m->last_data_recv_ms = ti.tcpi_last_data_recv;
		m->last_ack_recv_ms = ti.tcpi_last_ack_recv;
	}
}

/* What the user does in the session, every every_ms: a mouse move to a new spot, or a
 * Refresh Rect of the whole desktop (sent only if the server advertised it, MS-RDPBCGR
 * 2.2.11.2). */
static void session_act(struct probe* p, const struct probe_opts* o)
{
	rdpContext* ctx = &p->common.context;
	rdpSettings* st = ctx->settings;
	UINT32 w = freerdp_settings_get_uint32(st, FreeRDP_DesktopWidth);
	UINT32 h = freerdp_settings_get_uint32(st, FreeRDP_DesktopHeight);
	struct rp_session* ss = &p->ev.session;

	if (o->activity == RP_ACTIVITY_INPUT && w && h)
	{
		UINT16 x = (UINT16)((ss->inputs * 97u) % w), y = (UINT16)((ss->inputs * 61u) % h);
		if (freerdp_input_send_mouse_event(ctx->input, PTR_FLAGS_MOVE, x, y))
			ss->inputs++;
	}
	else if (o->activity == RP_ACTIVITY_REFRESH && ctx->update && ctx->update->RefreshRect)
	{
		RECTANGLE_16 r = { 0, 0, (UINT16)(w ? w - 1 : 0), (UINT16)(h ? h - 1 : 0) };
		if (ctx->update->RefreshRect(ctx, 1, &r))
			ss->inputs++;
	}
}

/* client_auto_reconnect_ex's wait between tries: go on until the probe's deadline. */
static BOOL probe_between_retries(freerdp* instance)
{
	struct probe* p = (struct probe*)instance->context;
	return !p->ev.watchdog_fired && rp_now_ms() < p->deadline;
}

/* After freerdp_connect returned TRUE: pump events until active + hold (or + the session),
 * a disconnect, or the deadline. With a session, the deadline moves to its end (plus 2 s)
 * once it is active. A connection that drops with /auto-reconnect is reconnected as FreeRDP's
 * own clients do (client_auto_reconnect_ex: only when no errorInfo says the server ended it). */
void probe_pump(struct probe* p, const struct probe_opts* o)
{
	rdpContext* ctx = &p->common.context;
	struct rp_session* ss = &p->ev.session;
	uint32_t keep = o->session_ms > o->hold_ms ? o->session_ms : o->hold_ms;
	double active_at = -1, next_act = 0, next_sample = 0;

	for (;;)
	{
		HANDLE handles[MAXIMUM_WAIT_OBJECTS] = { 0 };
		DWORD n;
		double now = rp_now_ms();
		bool ok;

		probe_note_state(p);
		if (active_at < 0 && freerdp_get_state(ctx) == CONNECTION_STATE_ACTIVE)
		{
			active_at = now;
			ss->t_active_ms = since_start(p);
			next_act = now + o->every_ms;
			next_sample = now;
			if (o->session_ms)
			{
				pthread_mutex_lock(&p->lock);
				if (p->deadline < now + keep + 2000)
					p->deadline = now + keep + 2000;
				pthread_cond_signal(&p->cond);
				pthread_mutex_unlock(&p->lock);
			}
		}
		if (active_at >= 0 && now - active_at >= keep)
		{
			ss->held = o->session_ms > 0;
			break;
		}
		if (now >= p->deadline || p->ev.watchdog_fired || freerdp_shall_disconnect_context(ctx))
			break;
		if (o->session_ms && active_at >= 0)
		{
			if (now >= next_sample)
			{
				session_sample(p);
				next_sample = now + 1000;
			}
			if (o->activity != RP_ACTIVITY_IDLE && now >= next_act)
			{
				session_act(p, o);
				next_act = now + o->every_ms;
			}
		}
		n = freerdp_get_event_handles(ctx, handles, ARRAYSIZE(handles));
		if (n == 0)
			break;
		if (WaitForMultipleObjects(n, handles, FALSE, 50) == WAIT_FAILED)
			break;
		ok = freerdp_check_event_handles(ctx);
		if (!ok && active_at >= 0 && o->session_ms &&
		    freerdp_settings_get_bool(ctx->settings, FreeRDP_AutoReconnectionEnabled))
		{
			uint32_t before = ss->reconnects;
			session_sample(p);
			if (client_auto_reconnect_ex(ctx->instance, probe_between_retries))
			{
				ss->reconnected = true;
				continue;
			}
			if (ss->reconnects != before)
				break; /* it tried and gave up */
		}
		if (!ok)
			break;
	}
	probe_note_state(p);
	if (active_at >= 0 && o->session_ms)
	{
		session_sample(p);
		ss->t_end_ms = since_start(p);
		/* The spell still open at the end. */
		double from = ss->t_last_pdu_ms >= 0 ? ss->t_last_pdu_ms : ss->t_active_ms;
		if (ss->t_end_ms - from >= QUIET_MIN_MS && ss->n_quiet < RP_QUIET_SPELLS)
		{
			ss->quiet_start_ms[ss->n_quiet] = from;
			ss->quiet_ms[ss->n_quiet++] = ss->t_end_ms - from;
		}
	}
}

/* ---- the watchdog ---- */

/* Ends a stalled attempt at the deadline: aborts the connect and shuts the socket, which
 * wakes FreeRDP from any blocking read. */
void* probe_watchdog(void* arg)
{
	struct probe* p = arg;
	struct timespec ts;
	double ms;

	pthread_mutex_lock(&p->lock);
	/* The deadline is read again each round: an active session moves it (probe_pump). */
	while (!p->done && rp_now_ms() < p->deadline)
	{
		ms = p->deadline;
		ts.tv_sec = (time_t)(ms / 1000.0);
		ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000.0) * 1e6);
		pthread_cond_timedwait(&p->cond, &p->lock, &ts);
	}
	if (!p->done)
	{
		p->ev.watchdog_fired = true;
		probe_liveness(p, true);
		freerdp_abort_connect_context(&p->common.context);
		if (p->fd >= 0)
			shutdown(p->fd, SHUT_RDWR);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Tells the watchdog the connection is over and waits for it. */
void probe_watchdog_stop(struct probe* p, pthread_t wd)
{
	pthread_mutex_lock(&p->lock);
	p->done = true;
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
	pthread_join(wd, NULL);
}
