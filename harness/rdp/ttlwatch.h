/* ttlwatch.h: who sent the packet that ended a connection? A raw TCP socket in the client's
 * namespace sees a copy of every segment that arrives (raw(7): a raw socket of a protocol
 * receives all its packets); for the server's address and port it keeps, per local port, the
 * TTL of the SYN-ACK and of the last RST and FIN. A reset forged on the path arrives at
 * another hop distance, so with another TTL, than the server's own packets. */
#ifndef RDPREPRO_TTLWATCH_H
#define RDPREPRO_TTLWATCH_H

#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#define RP_TTLWATCH_PORTS 8

struct rp_ttl_seen
{
	uint16_t port; /* the client's local port, 0: unused */
	uint8_t synack_ttl;
	uint8_t rst_ttl;
	uint8_t fin_ttl;
	/* The server's sequence space: its initial sequence number (the SYN-ACK's), where its FIN
	 * sits, and the sequence number of its last pure ACK (which carries its snd_nxt). Against
	 * the client's in-order count (tcpi_bytes_received) this says what it sent that never
	 * arrived in order: rp_tcp_unseen(). A segment that passed beyond a hole does not count. */
	bool have_isn, have_fin, have_ack;
	uint32_t isn, fin_seq, ack_seq;
};

struct rp_ttlwatch
{
	int fd; /* -1 when the raw socket could not be had */
	int sock_errno;
	struct in_addr server;
	uint16_t server_port;
	pthread_t thread;
	bool running;
	volatile bool stop;
	pthread_mutex_t lock;
	struct rp_ttl_seen seen[RP_TTLWATCH_PORTS];
};

/* Starts watching; false (with w->sock_errno) when no raw socket can be had: then nothing is
 * recorded and the rest of the probe is unchanged. */
bool rp_ttlwatch_start(struct rp_ttlwatch* w, const char* server_ip, uint16_t port);
/* What was seen for a local port; false if nothing. */
bool rp_ttlwatch_get(struct rp_ttlwatch* w, uint16_t local_port, struct rp_ttl_seen* out);
void rp_ttlwatch_stop(struct rp_ttlwatch* w);

#endif
