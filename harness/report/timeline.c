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

#include "report.h"
#include "runstate.h"

#define WIDTH 1200
#define LEFT 150   /* lane labels */
#define RIGHT 30
#define LANE 22    /* a bar lane */
#define SRV_LANE 30 /* a server lane: ticks and labels above them */
#define PKT_LANE 64 /* a packet lane: up to 28 px each way */
#define MAX_PEERS 8
#define MAX_PACKETS 200000 /* read from a pcap; more are counted, not kept */
#define MAX_PLAIN 6000     /* plain packets drawn per link; RSTs, SYNs, FINs, retransmissions
                            * and ICMP are always drawn */
#define SEEN_BITS 15       /* the retransmission table: 32768 segments per link */

/* The colours of the phases, in enum rp_phase's order (a ColorBrewer ramp: blues to TLS,
 * purples for security, oranges for licensing to finalization, green for active). */
static const char* const phase_colour[RP_PHASE_COUNT] = {
	"#dddddd", "#c6dbef", "#9ecae1", "#6baed6", "#9e9ac8", "#bcbddc", "#dadaeb",
	"#fdd0a2", "#fdae6b", "#fd8d3c", "#a1d99b",
};

/* ---- the packets of one link ---- */

struct packet
{
	double t;       /* ms from the probe's start */
	uint16_t len;   /* IP bytes */
	uint8_t flags;  /* TCP flags; 0 for ICMP */
	bool up;        /* towards the server */
	bool retrans;   /* a segment (seq, length) already seen in this direction */
	bool icmp;
};

struct seen
{
	uint32_t saddr, daddr, seq, len;
	uint16_t sport, dport;
	bool used;
};

struct link
{
	const char* name;
	bool present; /* the pcap exists */
	char error[200];
	struct packet* p;
	int n;
	long total; /* packets of IPv4 TCP or ICMP in the file, kept or not */
	int rst, retrans;
	struct seen* seen;
	int n_seen;
};

#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_RST 0x04

/* True if this segment was seen before in its direction (RFC 793's sequence space: a segment
 * that occupies any, SYN and FIN included); remembers it otherwise. A full table stops
 * finding them (a note says so), never overwrites. */
static bool seen_before(struct link* l, const struct seen* k)
{
	uint32_t mask = (1u << SEEN_BITS) - 1;
	uint32_t h = (k->saddr * 2654435761u) ^ (k->daddr * 40503u) ^ k->seq ^ (k->len << 16) ^
	             ((uint32_t)k->sport << 8) ^ k->dport;

	for (uint32_t i = h & mask, probes = 0; probes <= mask; i = (i + 1) & mask, probes++)
	{
		struct seen* s = &l->seen[i];
		if (!s->used)
		{
			if (l->n_seen >= (int)(mask - mask / 4))
				return false;
			*s = *k;
			s->used = true;
			l->n_seen++;
			return false;
		}
		if (s->saddr == k->saddr && s->daddr == k->daddr && s->sport == k->sport &&
		    s->dport == k->dport && s->seq == k->seq && s->len == k->len)
			return true;
	}
	return false;
}

/* The classic pcap file format (what tcpdump -w writes; pcap-savefile(5)): a 24-byte header
 * (magic, version, snaplen, link type) and a 16-byte header per record (seconds, micro- or
 * nanoseconds, captured and original length), in the writer's byte order. Read here, not
 * through libpcap: libfreerdp3, which this process links, exports pcap_open and pcap_close of
 * its own (FreeRDP's pcap writer, libfreerdp/utils/pcap.c), and they interpose libpcap's. */
#define LINKTYPE_ETHERNET 1
#define LINKTYPE_RAW 101
#define LINKTYPE_LINUX_SLL 113

struct pcap_in
{
	FILE* f;
	bool swap; /* written in the other byte order */
	bool nano; /* nanosecond stamps */
	uint32_t linktype;
};

static uint32_t u32(const struct pcap_in* pc, const uint8_t* b)
{
	uint32_t v;
	memcpy(&v, b, 4);
	return pc->swap ? __builtin_bswap32(v) : v;
}

static bool pcap_in_open(struct pcap_in* pc, const char* path, char* why, size_t n)
{
	uint8_t h[24];
	uint32_t magic;

	if (!(pc->f = fopen(path, "rb")))
	{
		snprintf(why, n, "%s", strerror(errno));
		return false;
	}
	if (fread(h, 1, sizeof(h), pc->f) != sizeof(h))
	{
		snprintf(why, n, "shorter than a pcap header");
		return false;
	}
	memcpy(&magic, h, 4);
	pc->swap = magic == 0xd4c3b2a1u || magic == 0x4d3cb2a1u;
	magic = pc->swap ? __builtin_bswap32(magic) : magic;
	if (magic != 0xa1b2c3d4u && magic != 0xa1b23c4du)
	{
		snprintf(why, n, "not a pcap file (magic 0x%08x; pcapng is not read)", magic);
		return false;
	}
	pc->nano = magic == 0xa1b23c4du;
	pc->linktype = u32(pc, h + 20) & 0xffff;
	return true;
}

/* The next record into buf (up to its size; the rest skipped): 1, 0 at the end, -1 for a
 * truncated record. */
static int pcap_in_next(struct pcap_in* pc, double* t_ms, uint8_t* buf, size_t size, uint32_t* caplen)
{
	uint8_t h[16];
	size_t got = fread(h, 1, sizeof(h), pc->f), take;
	uint32_t len;

	if (got == 0)
		return 0;
	if (got != sizeof(h))
		return -1;
	len = u32(pc, h + 8);
	*t_ms = (double)u32(pc, h) * 1000.0 + u32(pc, h + 4) / (pc->nano ? 1e6 : 1e3);
	take = len < size ? len : size;
	if (fread(buf, 1, take, pc->f) != take || (len > take && fseek(pc->f, (long)(len - take), SEEK_CUR) != 0))
		return -1;
	*caplen = (uint32_t)take;
	return 1;
}

/* The IPv4 header of a frame, by the capture's link type (tcpdump -i on a veth: Ethernet). */
static const uint8_t* ipv4_of(uint32_t linktype, const uint8_t* d, uint32_t caplen, uint32_t* left)
{
	uint32_t off;

	switch (linktype)
	{
		case LINKTYPE_ETHERNET:
			if (caplen < 14 || d[12] != 0x08 || d[13] != 0x00)
				return NULL;
			off = 14;
			break;
		case LINKTYPE_LINUX_SLL:
			if (caplen < 16 || d[14] != 0x08 || d[15] != 0x00)
				return NULL;
			off = 16;
			break;
		case LINKTYPE_RAW:
			off = 0;
			break;
		default:
			return NULL;
	}
	if (caplen < off + 20 || (d[off] >> 4) != 4)
		return NULL;
	*left = caplen - off;
	return d + off;
}

/* One frame into l, if it is IPv4 TCP or ICMP. */
static void add_frame(struct link* l, uint32_t linktype, double t_real, const uint8_t* d,
                      uint32_t caplen, double mono_off, double t0, uint32_t server)
{
	uint32_t left = 0, saddr, daddr;
	const uint8_t* ip = ipv4_of(linktype, d, caplen, &left);
	struct packet pk = { 0 };
	unsigned ihl;

	if (!ip)
		return;
	ihl = (ip[0] & 0x0f) * 4u;
	if (ihl < 20 || left < ihl || (ip[9] != IPPROTO_TCP && ip[9] != IPPROTO_ICMP))
		return;
	memcpy(&saddr, ip + 12, 4);
	memcpy(&daddr, ip + 16, 4);
	pk.len = (uint16_t)((ip[2] << 8) | ip[3]);
	pk.t = t_real - mono_off - t0;
	pk.up = daddr == server;
	pk.icmp = ip[9] == IPPROTO_ICMP;
	if (!pk.icmp && left >= ihl + 20)
	{
		const uint8_t* tcp = ip + ihl;
		unsigned doff = (tcp[12] >> 4) * 4u;
		struct seen k = { .saddr = saddr, .daddr = daddr };
		pk.flags = tcp[13];
		k.sport = (uint16_t)((tcp[0] << 8) | tcp[1]);
		k.dport = (uint16_t)((tcp[2] << 8) | tcp[3]);
		memcpy(&k.seq, tcp + 4, 4);
		k.len = pk.len > ihl + doff ? pk.len - ihl - doff : 0;
		k.len += (pk.flags & TCP_SYN ? 1 : 0) + (pk.flags & TCP_FIN ? 1 : 0);
		if (k.len && !(pk.flags & TCP_RST))
			pk.retrans = seen_before(l, &k);
	}
	l->total++;
	l->rst += (pk.flags & TCP_RST) != 0;
	l->retrans += pk.retrans;
	if (l->n < MAX_PACKETS)
		l->p[l->n++] = pk;
}

/* Reads resdir/NAME-link.pcap: a missing file is no error (no --capture). */
static void read_link(struct link* l, const char* resdir, double mono_off, double t0)
{
	char path[4200], why[120] = "";
	uint8_t frame[256]; /* tcpdump -s 256 (faults.c): the headers are all there is */
	struct pcap_in pc = { 0 };
	uint32_t server, caplen = 0;
	double t;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/%s-link.pcap", resdir, l->name);
	if (access(path, F_OK) != 0)
		return;
	l->present = true;
	inet_pton(AF_INET, RP_LAB_SERVER_ADDR, &server);
	l->p = calloc(MAX_PACKETS, sizeof(*l->p));
	l->seen = calloc((size_t)1 << SEEN_BITS, sizeof(*l->seen));
	if (!l->p || !l->seen)
		snprintf(l->error, sizeof(l->error), "%s-link.pcap: out of memory", l->name);
	else if (!pcap_in_open(&pc, path, why, sizeof(why)))
		snprintf(l->error, sizeof(l->error), "%s-link.pcap: %s", l->name, why);
	while (!l->error[0] && (rc = pcap_in_next(&pc, &t, frame, sizeof(frame), &caplen)) == 1)
		add_frame(l, pc.linktype, t, frame, caplen, mono_off, t0, server);
	/* A capture cut short (tcpdump killed) ends in a truncated record: what came before it
	 * is drawn, and the note says so. */
	if (!l->error[0] && rc < 0)
		snprintf(l->error, sizeof(l->error), "%s-link.pcap: its last record is truncated (the "
		         "packets before it are drawn)", l->name);
	if (pc.f)
		fclose(pc.f);
}

static void free_link(struct link* l)
{
	free(l->p);
	free(l->seen);
}

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
			read_link(&links[k], resdir, off, t0);
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
		free_link(&links[k]);
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
