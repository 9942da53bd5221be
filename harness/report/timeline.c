/* timeline.c: timeline.svg, a run drawn on one time axis (docs/design.md, "The timeline").
 *
 *   title, link faults
 *   fault     |        :reset armed (phase)           one dashed line per firing, through all
 *   attempt 1 |[tcp][x224][tls ]x rst                 phases as bars, the end's kind
 *   session   |          [active ... quiet ... ]
 *   server #0 | | |  |  | closed                      each report line a tick, some labelled
 *   client link |  ||| | |||                          up: to the server, down: to the client;
 *   server link |  ||| |  ||                          height: size; red RST, orange retransmitted
 *   axis: ms from the probe's start
 *
 * The SVG is written directly, not through gnuplot: a lane chart of bars, ticks and per-packet
 * marks with a tooltip (<title>) each is a few fprintf calls here, and costs no process per run
 * and no run-time dependency. Everything from a record is XML-escaped. */
#include "timeline.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pcaplink.h"
#include "report.h"
#include "runstate.h"

#define WIDTH 1200
#define LEFT 150   /* lane labels */
#define RIGHT 30
#define LANE 22    /* a bar lane */
#define SRV_LANE 30 /* a server lane: ticks and labels above them */
#define PKT_LANE 64 /* a packet lane: up to 28 px each way */
#define MAX_PEERS 8
#define MAX_PLAIN 6000     /* plain packets drawn per link; RSTs, SYNs, FINs, retransmissions
                            * and ICMP are always drawn */

/* The colours of the phases, in enum rp_phase's order (a ColorBrewer ramp: blues to TLS,
 * purples for security, oranges for licensing to finalization, green for active). */
static const char* const phase_colour[RP_PHASE_COUNT] = {
	"#dddddd", "#c6dbef", "#9ecae1", "#6baed6", "#9e9ac8", "#bcbddc", "#dadaeb",
	"#fdd0a2", "#fdae6b", "#fd8d3c", "#a1d99b",
};

/* ---- the picture ---- */

struct axis
{
	double lo, hi;
};

/* A time on the axis; one past its ends (an odd record's) is drawn at the edge. */
static double x_of(const struct axis* a, double t)
{
	double x = LEFT + (t - a->lo) / (a->hi - a->lo) * (WIDTH - LEFT - RIGHT);
	return !(x >= LEFT) ? LEFT : x > WIDTH - RIGHT ? WIDTH - RIGHT : x; /* NaN too */
}

/* Times further than this from the probe's start are an odd record's, not a run's: they do
 * not stretch the axis (a run lasts minutes at most). */
#define T_PLAUSIBLE_MS (3600.0 * 1000)

/* A label of len characters starting at x: where it starts and its text-anchor, so that one
 * near the right edge runs leftwards instead of being cut (about 6 px a character). */
static const char* label_at(double x, size_t len, double* tx)
{
	bool flip = x + 3 + 6.0 * (double)len > WIDTH;
	*tx = flip ? x - 3 : x + 3;
	return flip ? " text-anchor=\"end\"" : "";
}

static void widen(struct axis* a, double t)
{
	if (!(t > -T_PLAUSIBLE_MS && t < T_PLAUSIBLE_MS))
		return;
	if (t < a->lo)
		a->lo = t;
	if (t > a->hi)
		a->hi = t;
}

static void esc(FILE* f, const char* s, size_t max)
{
	rp_markup_escape(f, s, max);
}

static void lane_label(FILE* f, double y, const char* text)
{
	fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"lane\">", LEFT - 8, y);
	esc(f, text, 40);
	fputs("</text>\n", f);
}

/* A bar from t1 to t2 in a lane at y, with its label inside when it fits, and a tooltip. */
static void bar(FILE* f, const struct axis* a, double y, double h, double t1, double t2,
                const char* fill, const char* label)
{
	double x1 = x_of(a, t1), x2 = x_of(a, t2), w = x2 - x1 < 1 ? 1 : x2 - x1;

	fprintf(f, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\">"
	           "<title>", x1, y, w, h, fill);
	esc(f, label, 80);
	fprintf(f, " %.1f-%.1f ms</title></rect>\n", t1, t2);
	if (w > 7.0 * (double)strlen(label))
	{
		fprintf(f, "<text x=\"%.2f\" y=\"%.1f\" class=\"in\">", x1 + 3, y + h - 6);
		esc(f, label, 40);
		fputs("</text>\n", f);
	}
}

static const char* end_colour(enum rp_end e)
{
	switch (e)
	{
		case RP_END_RST:
		case RP_END_REFUSED:
			return "#d62728";
		case RP_END_TIMEOUT:
		case RP_END_DEADLINE:
		case RP_END_NO_ANSWER:
			return "#8c564b";
		case RP_END_FIN:
		case RP_END_CLIENT:
		case RP_END_ABORT:
		case RP_END_UNKNOWN:
		case RP_END_COUNT:
			break;
	}
	return "#333333";
}

/* The client's attempts, a lane each: its phases as bars, its end marked with its kind. */
static double draw_attempts(FILE* f, const struct axis* a, const struct rp_evidence* ev, double y)
{
	for (int i = 0; i < ev->n_attempts; i++, y += LANE + 4)
	{
		const struct rp_attempt* at = &ev->attempts[i];
		char name[32];
		double end = at->t_end_ms > at->t_start_ms ? at->t_end_ms : ev->t_total_ms;
		snprintf(name, sizeof(name), "client attempt %d", i + 1);
		lane_label(f, y + LANE - 7, name);
		if (at->furthest == RP_PHASE_NONE || at->t_phase_ms[at->furthest] < 0)
		{
			/* A client log's attempt (xfreerdp3): its facts have lines, not times. */
			fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"note\">furthest phase %s, ended %s; "
			           "not timed (a client log: report.txt has its facts)</text>\n", LEFT,
			        y + LANE - 7, rp_phase_name(at->furthest), rp_end_name(at->end));
			continue;
		}
		for (int p = RP_PHASE_TCP; p < RP_PHASE_COUNT; p++)
		{
			double t1 = at->t_phase_ms[p], t2 = end;
			if (t1 < 0)
				continue;
			for (int q = p + 1; q < RP_PHASE_COUNT; q++)
				if (at->t_phase_ms[q] >= 0)
				{
					t2 = at->t_phase_ms[q];
					break;
				}
			bar(f, a, y, LANE, t1, t2 > t1 ? t2 : t1, phase_colour[p],
			    rp_phase_name((enum rp_phase)p));
		}
		fprintf(f, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"%s\" "
		           "stroke-width=\"2\"/>\n", x_of(a, end), y - 2, x_of(a, end), y + LANE + 2,
		        end_colour(at->end));
		{
			double tx;
			const char* anchor = label_at(x_of(a, end), strlen(rp_end_name(at->end)) + 1 +
			                              strlen(at->last_error_name), &tx);
			fprintf(f, "<text x=\"%.2f\" y=\"%.1f\" class=\"end\" fill=\"%s\"%s>", tx,
			        y + LANE - 7, end_colour(at->end), anchor);
		}
		esc(f, rp_end_name(at->end), 20);
		if (at->last_error_name[0])
		{
			fputc(' ', f);
			esc(f, at->last_error_name, 60);
		}
		fputs("</text>\n", f);
	}
	return y;
}

/* The session after activation: active until its end, its quiet spells, the ultimatum and the
 * errorInfo. */
static double draw_session(FILE* f, const struct axis* a, const struct rp_evidence* ev, double y)
{
	const struct rp_session* s = &ev->session;
	double end = s->t_end_ms >= 0 ? s->t_end_ms : ev->t_total_ms;

	if (!s->want_ms || s->t_active_ms < 0)
		return y;
	lane_label(f, y + LANE - 7, "session");
	bar(f, a, y, LANE, s->t_active_ms, end, phase_colour[RP_PHASE_ACTIVE], "session");
	for (int i = 0; i < s->n_quiet && i < RP_QUIET_SPELLS; i++)
		bar(f, a, y + 5, LANE - 10, s->quiet_start_ms[i], s->quiet_start_ms[i] + s->quiet_ms[i],
		    "#bdbdbd", "quiet");
	if (s->dpu)
	{
		char what[64];
		snprintf(what, sizeof(what), "ultimatum (reason %d)", s->dpu_reason);
		fprintf(f, "<circle cx=\"%.2f\" cy=\"%.1f\" r=\"4\" fill=\"#d62728\"><title>", x_of(a, s->t_dpu_ms),
		        y + LANE / 2.0);
		esc(f, what, 60);
		fprintf(f, " @%.1f ms</title></circle>\n", s->t_dpu_ms);
	}
	if (ev->error_info && s->t_error_info_ms > 0)
		fprintf(f, "<circle cx=\"%.2f\" cy=\"%.1f\" r=\"4\" fill=\"#ff7f0e\"><title>errorInfo "
		           "0x%08X @%.1f ms</title></circle>\n", x_of(a, s->t_error_info_ms),
		        y + LANE / 2.0, ev->error_info, s->t_error_info_ms);
	return y + LANE + 4;
}

static const char* server_colour(const char* name)
{
	static const struct
	{
		const char* name;
		const char* colour;
	} rows[] = {
		{ "accepted", "#2c7fb8" }, { "closed", "#000000" },   { "tls-failed", "#d62728" },
		{ "ACTIVE", "#31a354" },   { "activated", "#31a354" }, { "released", "#ff7f0e" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (strcmp(rows[i].name, name) == 0)
			return rows[i].colour;
	return "#636363";
}

/* The server's report lines, a lane per connection (peer id): a tick each, a label where it
 * does not run into the one before. */
static double draw_server(FILE* f, const struct axis* a, const struct result* r, double t0,
                          double y)
{
	char copy[sizeof(r->server_log)], *save = NULL;
	double last_label[MAX_PEERS];
	int max_peer = -1, hidden = 0;

	rp_strlcpy(copy, r->server_log, sizeof(copy));
	for (int i = 0; i < MAX_PEERS; i++)
		last_label[i] = -1e9;
	for (char* line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char name[128];
		int peer = 0;
		double t = 0, x, ly;
		if (!rp_server_line(line, &peer, name, sizeof(name), &t) || peer < 0)
			continue;
		if (peer >= MAX_PEERS)
		{
			hidden++;
			continue;
		}
		if (peer > max_peer)
			max_peer = peer;
		t -= t0;
		x = x_of(a, t);
		ly = y + peer * (SRV_LANE + 4);
		fprintf(f, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"%s\">"
		           "<title>", x, ly + 14, x, ly + SRV_LANE, server_colour(name));
		esc(f, name, 60);
		fprintf(f, " @%+.1f ms</title></line>\n", t);
		if (x - last_label[peer] > 8.0 + 5.5 * (double)strlen(name))
		{
			double tx;
			const char* anchor = label_at(x, strlen(name), &tx);
			fprintf(f, "<text x=\"%.2f\" y=\"%.1f\" class=\"ev\"%s>", tx - 3, ly + 11, anchor);
			esc(f, name, 40);
			fputs("</text>\n", f);
			last_label[peer] = x;
		}
	}
	for (int p = 0; p <= max_peer; p++)
	{
		char name[48];
		snprintf(name, sizeof(name), "server conn. #%d", p);
		lane_label(f, y + p * (SRV_LANE + 4) + SRV_LANE - 6, name);
	}
	if (hidden)
		fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"note\">%d report lines of connections "
		           "past #%d not drawn</text>\n", LEFT, y + (max_peer + 1) * (SRV_LANE + 4) + 10,
		        hidden, MAX_PEERS - 1);
	return y + (max_peer + 1) * (SRV_LANE + 4) + (hidden ? 14 : 0);
}

static const char* packet_colour(const struct packet* p)
{
	if (p->flags & TCP_RST)
		return "#d62728";
	if (p->retrans)
		return "#ff7f0e";
	if (p->icmp)
		return "#9467bd";
	if (p->flags & (TCP_SYN | TCP_FIN))
		return "#2ca02c";
	return "#6b8eb8";
}

/* A link's packets about a mid line: up towards the server, down towards the client, the
 * height by IP size (4 px for a bare ACK, 28 for 1500 bytes). */
static double draw_link(FILE* f, const struct axis* a, const struct link* l, double y)
{
	double mid = y + PKT_LANE / 2.0;
	char name[48];
	int plain = 0;

	if (!l->present)
		return y;
	snprintf(name, sizeof(name), "%s link", l->name);
	lane_label(f, mid + 4, name);
	fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#cccccc\"/>\n", LEFT,
	        mid, WIDTH - RIGHT, mid);
	for (int i = 0; i < l->n; i++)
	{
		const struct packet* p = &l->p[i];
		bool special = p->retrans || p->icmp || (p->flags & (TCP_RST | TCP_SYN | TCP_FIN));
		/* An RST is small and is what matters most: full height. */
		double h = p->flags & TCP_RST ? 28 : 4 + (p->len > 1500 ? 1500 : p->len) * 24.0 / 1500.0;
		double x = x_of(a, p->t);
		if (!special && plain++ >= MAX_PLAIN)
			continue;
		fprintf(f, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"%s\"%s>"
		           "<title>%s %u B%s%s @%.3f ms</title></line>\n", x, mid, x, p->up ? mid - h : mid + h,
		        packet_colour(p), special ? " stroke-width=\"2\"" : "",
		        p->up ? "to server" : "to client", (unsigned)p->len, p->icmp ? " ICMP" : "",
		        p->flags & TCP_RST ? " RST" : p->retrans ? " retransmission"
		                                  : p->flags & TCP_SYN ? " SYN" : p->flags & TCP_FIN ? " FIN" : "",
		        p->t);
	}
	fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"note\">%ld packets, %d RST, %d retransmitted%s",
	        LEFT + 4, y + PKT_LANE + 8, l->total, l->rst, l->retrans,
	        plain > MAX_PLAIN ? "; plain ones past the first 6000 not drawn" : "");
	if (l->error[0])
	{
		fputs("; ", f);
		esc(f, l->error, 160);
	}
	fputs("</text>\n", f);
	return y + PKT_LANE + 14;
}

/* The timed fault's firings: a dashed line through every lane, its label on top (staggered
 * when two are close). */
static void draw_faults(FILE* f, const struct axis* a, const struct result* r, double t0,
                        double top, double bottom)
{
	double last_x = -1e9;
	int row = 0;

	for (int i = 0; i < r->n_fired && i < RP_FAULT_FIRED_MAX; i++)
	{
		double t = r->fired[i].t_mono_ms - t0, x = x_of(a, t);
		row = x - last_x < 130 ? (row + 1) % 3 : 0;
		last_x = x;
		fprintf(f, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" class=\"fault\">"
		           "<title>", x, top + row * 11.0, x, bottom);
		esc(f, r->fired[i].what, 64);
		{
			double tx;
			const char* anchor = label_at(x, strlen(r->fired[i].what) + 8, &tx);
			fprintf(f, " @%+.1f ms</title></line>\n<text x=\"%.2f\" y=\"%.1f\" class=\"fault\"%s>",
			        t, tx, top + 9 + row * 11.0, anchor);
		}
		esc(f, r->fired[i].what, 64);
		fprintf(f, " %+.1f</text>\n", t);
	}
}

/* 1, 2 or 5 times a power of ten: about 8 ticks over the axis. */
static double tick_step(double span)
{
	double raw = span / 8, p = 1;

	while (p * 10 <= raw)
		p *= 10;
	while (p > raw && p > 1e-3)
		p /= 10;
	return raw <= p * 2 ? p * 2 : raw <= p * 5 ? p * 5 : p * 10;
}

static void draw_axis(FILE* f, const struct axis* a, double top, double y)
{
	double step = tick_step(a->hi - a->lo);

	fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000000\"/>\n", LEFT, y,
	        WIDTH - RIGHT, y);
	for (double t = step * (double)(long)(a->lo / step); t <= a->hi; t += step)
	{
		double x = x_of(a, t);
		if (t < a->lo)
			continue;
		fprintf(f, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"#eeeeee\"/>"
		           "<text x=\"%.2f\" y=\"%.1f\" class=\"tick\">%g</text>\n", x, top, x, y, x,
		        y + 13, t);
	}
	fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"lane\">ms from the client's start</text>\n",
	        LEFT - 8, y + 13);
}

/* The axis spans every time drawn, and 0 (the probe's start). */
static struct axis span_of(const struct result* r, double t0, const struct link* links)
{
	struct axis a = { 0, 1 };
	const struct rp_evidence* ev = &r->ev;
	char copy[sizeof(r->server_log)], *save = NULL;

	for (int i = 0; r->have_evidence && ev->t0_mono_ms > 0 && i < ev->n_attempts; i++)
	{
		widen(&a, ev->attempts[i].t_start_ms);
		widen(&a, ev->attempts[i].t_end_ms);
	}
	if (r->have_evidence && ev->t0_mono_ms > 0 && ev->session.want_ms && ev->session.t_end_ms > 0)
		widen(&a, ev->session.t_end_ms);
	for (int i = 0; i < r->n_fired && i < RP_FAULT_FIRED_MAX; i++)
		widen(&a, r->fired[i].t_mono_ms - t0);
	rp_strlcpy(copy, r->server_log, sizeof(copy));
	for (char* line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char name[128];
		int peer;
		double t;
		if (rp_server_line(line, &peer, name, sizeof(name), &t))
			widen(&a, t - t0);
	}
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < links[k].n; i++)
			widen(&a, links[k].p[i].t);
	a.hi += (a.hi - a.lo) * 0.04 + 0.5;
	return a;
}

/* CLOCK_REALTIME less CLOCK_MONOTONIC now, in ms: pcap times are the kernel's real-time stamps,
 * everything else is monotonic. The two move together over a run (NTP slews by at most
 * 0.5 ms/s), so one offset serves the whole capture. */
static double realtime_offset_ms(void)
{
	struct timespec rt, mt;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mt);
	return (double)(rt.tv_sec - mt.tv_sec) * 1000.0 + (rt.tv_nsec - mt.tv_nsec) / 1e6;
}

static void draw(FILE* f, const char* title, const struct result* r, double t0,
                 struct link* links, double started)
{
	const struct rp_evidence* ev = &r->ev;
	bool timed = r->have_evidence && ev->t0_mono_ms > 0;
	struct axis a = span_of(r, t0, links);
	double y = 48, top;
	long pos;

	/* The height is known only at the end: a placeholder, rewritten then (fixed width). */
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	pos = ftell(f);
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%08d\" "
	           "font-family=\"sans-serif\" font-size=\"11\">\n", WIDTH, 0);
	fputs("<style>.lane{text-anchor:end;fill:#333}.in{font-size:10px;fill:#222}"
	      ".end{font-size:10px}.ev{font-size:9px;fill:#444}.tick{font-size:10px;"
	      "text-anchor:middle;fill:#555}.note{font-size:10px;fill:#777}"
	      ".fault{stroke:#d62728;stroke-dasharray:4 3;fill:#d62728;font-size:10px}"
	      "text.fault{stroke:none}</style>\n", f);
	fprintf(f, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"100%%\" fill=\"#ffffff\"/>\n", WIDTH);
	fputs("<text x=\"8\" y=\"16\" font-size=\"13\" font-weight=\"bold\">", f);
	esc(f, title, 120);
	fprintf(f, ": %s", rp_status_name(r->status));
	if (r->have_evidence)
		fprintf(f, ", verdict %s", rp_cause_name(r->verdict.cause));
	fputs("</text>\n<text x=\"8\" y=\"32\" class=\"note\">", f);
	if (r->link[0])
	{
		fputs("link: ", f);
		esc(f, r->link, 200);
	}
	else
		fputs("link: no fault on the links", f);
	fputs("</text>\n", f);
	top = y;
	y += 36; /* the fault labels */
	if (timed)
		y = draw_attempts(f, &a, ev, y);
	else
	{
		lane_label(f, y + 14, "client");
		fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"note\">%s</text>\n", LEFT, y + 14,
		        r->have_evidence ? "a client log, not the probe's record: its phases are not timed"
		                         : "no client record");
		y += LANE + 4;
	}
	if (timed)
		y = draw_session(f, &a, ev, y);
	y = draw_server(f, &a, r, t0, y + 4);
	for (int k = 0; k < 2; k++)
		y = draw_link(f, &a, &links[k], y + 4);
	draw_faults(f, &a, r, t0, top, y);
	draw_axis(f, &a, top + 36, y + 4);
	y += 34;
	if (links[0].present || links[1].present)
	{
		fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"note\">packets: up to the server, down to the "
		           "client, height by size; <tspan fill=\"#d62728\">RST</tspan>, <tspan fill=\"#ff7f0e\">"
		           "retransmitted</tspan>, <tspan fill=\"#2ca02c\">SYN/FIN</tspan>, <tspan "
		           "fill=\"#9467bd\">ICMP</tspan>; dashed: the timed fault fired</text>\n", LEFT, y);
		y += 14;
	}
	fprintf(f, "<!-- drawn in %.2f ms -->\n</svg>\n", rp_now_ms() - started);
	/* The real height, into the placeholder's 8 digits. */
	if (fseek(f, pos, SEEK_SET) == 0)
		fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%08d\"", WIDTH,
		        (int)y + 6);
}

bool rp_timeline_write(const char* resdir, const char* title, const struct result* r,
                       struct rp_err* err)
{
	struct link links[2] = { { .name = "client" }, { .name = "server" } };
	char path[4200];
	double started = rp_now_ms(), t0;
	bool ok = true;
	struct rp_out out;

	/* The axis's zero: the probe's start, else the client's; no client, nothing to draw. */
	t0 = r->have_evidence && r->ev.t0_mono_ms > 0 ? r->ev.t0_mono_ms : r->client_t0;
	if (t0 <= 0)
		return rp_fail(err, "no client ran (the run is a %s: its reason above)", rp_status_name(r->status));
	{
		double off = realtime_offset_ms();
		for (int k = 0; k < 2; k++)
			rp_link_read(&links[k], resdir, off, t0);
	}
	snprintf(path, sizeof(path), "%s/timeline.svg", resdir);
	/* Whole or not at all, never through a name planted in resdir (rp_out). */
	if (!rp_out_open(&out, path, err))
		ok = false;
	else
	{
		draw(out.f, title, r, t0, links, started);
		ok = rp_out_commit(&out, err);
	}
	for (int k = 0; k < 2; k++)
		rp_link_free(&links[k]);
	return ok;
}

void rp_timeline_for_run(const char* resdir, const char* title, const struct result* r)
{
	struct rp_err err = { "" };
	char path[4200];
	FILE* f;
	int fd;

	if (rp_timeline_write(resdir, title, r, &err))
		return;
	snprintf(path, sizeof(path), "%s/report.txt", resdir);
	/* Appended to the report the worker just wrote, never through a symlink in its place. */
	if ((fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)) >= 0 &&
	    (f = fdopen(fd, "a")))
	{
		fprintf(f, "       timeline: none: %s\n", err.msg);
		fclose(f);
	}
	else if (fd >= 0)
		close(fd);
}
