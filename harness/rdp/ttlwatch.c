/* ttlwatch.c: see ttlwatch.h. */
#include "ttlwatch.h"
#include "rawsock.h"

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>


static void note(struct rp_ttlwatch* w, uint16_t port, uint8_t flags, uint8_t ttl, uint32_t seq,
                 uint32_t len)
{
	struct rp_ttl_seen* s = NULL;

	pthread_mutex_lock(&w->lock);
	for (int i = 0; i < RP_TTLWATCH_PORTS && !s; i++)
		if (w->seen[i].port == port)
			s = &w->seen[i];
	for (int i = 0; i < RP_TTLWATCH_PORTS && !s; i++)
		if (w->seen[i].port == 0)
		{
			s = &w->seen[i];
			s->port = port;
		}
	if (s)
	{
		/* TCP flags (RFC 9293 3.1): FIN 0x01, SYN 0x02, RST 0x04, ACK 0x10. */
		if ((flags & 0x12) == 0x12 && !s->synack_ttl)
			s->synack_ttl = ttl;
		if (flags & 0x04)
			s->rst_ttl = ttl;
		if ((flags & 0x01) && !s->fin_ttl)
			s->fin_ttl = ttl;
		/* Data segments are not followed here: what of them arrived in order the client's
		 * kernel counts (tcpi_bytes_received), holes included, which a watcher that may
		 * miss a packet could not. */
		if ((flags & 0x12) == 0x12)
		{
			s->isn = seq;
			s->have_isn = true;
		}
		else if ((flags & 0x01) && !s->have_fin)
		{
			s->fin_seq = seq + len; /* the FIN's own place, after its data */
			s->have_fin = true;
		}
		else if (!len && (flags & 0x10) && !(flags & 0x07))
		{
			s->ack_seq = seq;
			s->have_ack = true;
		}
	}
	pthread_mutex_unlock(&w->lock);
}

static void* watch(void* arg)
{
	struct rp_ttlwatch* w = arg;
	unsigned char b[128];

	while (!w->stop)
	{
		struct pollfd pf = { .fd = w->fd, .events = POLLIN };
		ssize_t n;
		size_t ihl;
		if (poll(&pf, 1, 50) <= 0)
			continue;
		/* Only the headers matter: a short buffer truncates the datagram (MSG_TRUNC off). */
		n = recv(w->fd, b, sizeof(b), MSG_DONTWAIT);
		if (n < 20 || (b[0] >> 4) != 4)
			continue;
		ihl = (size_t)(b[0] & 0x0f) * 4;
		if ((size_t)n < ihl + 14 || memcmp(b + 12, &w->server, 4) != 0 ||
		    (uint16_t)(b[ihl] << 8 | b[ihl + 1]) != w->server_port)
			continue;
		{
			uint32_t seq = (uint32_t)b[ihl + 4] << 24 | (uint32_t)b[ihl + 5] << 16 |
			               (uint32_t)b[ihl + 6] << 8 | b[ihl + 7];
			size_t total = (size_t)(b[2] << 8 | b[3]), doff = (size_t)(b[ihl + 12] >> 4) * 4;
			uint32_t len = total > ihl + doff ? (uint32_t)(total - ihl - doff) : 0;
			note(w, (uint16_t)(b[ihl + 2] << 8 | b[ihl + 3]), b[ihl + 13], b[8], seq, len);
		}
	}
	return NULL;
}

bool rp_ttlwatch_start(struct rp_ttlwatch* w, const char* server_ip, uint16_t port)
{
	memset(w, 0, sizeof(*w));
	w->fd = -1;
	pthread_mutex_init(&w->lock, NULL);
	if (inet_pton(AF_INET, server_ip, &w->server) != 1)
	{
		w->sock_errno = EINVAL; /* a name: the record's TTLs stay unknown */
		return false;
	}
	w->server_port = port;
	w->fd = rp_raw_socket(IPPROTO_TCP);
	if (w->fd < 0)
	{
		w->sock_errno = errno;
		return false;
	}
	if (pthread_create(&w->thread, NULL, watch, w) != 0)
	{
		w->sock_errno = errno;
		close(w->fd);
		w->fd = -1;
		return false;
	}
	w->running = true;
	return true;
}

bool rp_ttlwatch_get(struct rp_ttlwatch* w, uint16_t local_port, struct rp_ttl_seen* out)
{
	bool found = false;

	pthread_mutex_lock(&w->lock);
	for (int i = 0; i < RP_TTLWATCH_PORTS; i++)
		if (w->seen[i].port && w->seen[i].port == local_port)
		{
			*out = w->seen[i];
			found = true;
		}
	pthread_mutex_unlock(&w->lock);
	return found;
}

void rp_ttlwatch_stop(struct rp_ttlwatch* w)
{
	if (w->running)
	{
		w->stop = true;
		pthread_join(w->thread, NULL);
		w->running = false;
	}
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
}
