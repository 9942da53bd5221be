/* pcaplink.h: the packets of one lab link, read from its capture (NAME-link.pcap, --capture) for
 * the timeline: TCP and ICMP over IPv4, with retransmissions found. */
#ifndef RDPREPRO_PCAPLINK_H
#define RDPREPRO_PCAPLINK_H

#include <stdbool.h>
#include <stdint.h>

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

/* Reads resdir/NAME-link.pcap (l->name set) into l: times as ms from t0 on CLOCK_MONOTONIC
 * (mono_off: CLOCK_REALTIME minus CLOCK_MONOTONIC); a missing file is no error (no --capture),
 * any other trouble is l->error. */
void rp_link_read(struct link* l, const char* resdir, double mono_off, double t0);
void rp_link_free(struct link* l);

#endif
