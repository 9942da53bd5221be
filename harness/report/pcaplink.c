/* pcaplink.c: the packets of one lab link, read from its pcap for the timeline (pcaplink.h). */
#include "pcaplink.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lab.h"

#define MAX_PACKETS 200000 /* read from a pcap; more are counted, not kept */
#define SEEN_BITS 15       /* the retransmission table: 32768 segments per link */

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
void rp_link_read(struct link* l, const char* resdir, double mono_off, double t0)
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

void rp_link_free(struct link* l)
{
	free(l->p);
	free(l->seen);
}
