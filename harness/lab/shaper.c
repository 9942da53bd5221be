/* shaper.c: the NFQUEUE side of the userspace link engine. */
#include "shaper.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <linux/netfilter.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libnetfilter_queue/libnetfilter_queue.h>

#include "shape.h"
#include "util.h"

/* A packet held for its delay: its kernel id, and a copy when it must leave changed
 * (corrupted) or twice (the duplicate, sent by us). */
struct held
{
	double t_release;
	uint64_t order; /* arrival order: ties leave first-in first-out */
	uint32_t id;
	bool is_dup;
	unsigned char* data;
	size_t len;
};

struct engine
{
	struct rp_shape shape;
	struct rp_shape_state st;
	struct nfq_q_handle* qh;
	int raw; /* raw IP socket for duplicates */
	FILE* log;
	struct held* heap;
	size_t n_heap, cap_heap;
	uint64_t order;
	uint64_t counts[4]; /* passed, dropped, duplicated, corrupted */
	double link_free;   /* with a rate: when the link has sent what it holds */
	bool reset_dst, reset_src; /* on arming: an RST to the packet's destination, its source */
	uint64_t reset_after;      /* arm once this many TCP payload bytes went through (0: off) */
	/* Connections already reset, by their 4-tuple (either direction): each is reset once,
	 * at its own trigger, as a firewall's rule meets every new connection. */
	struct conn
	{
		uint32_t a, b;
		uint16_t pa, pb;
		uint64_t bytes;
		bool done;
	} conns[64];
	int n_conns;
};

static volatile sig_atomic_t stopping;
/* SIGUSR1 arms the connections known at that moment (index below armed_below): each is
 * reset at its next packet. A connection opened later (FreeRDP's retry) waits for its own
 * arming, at its own phase. */
static volatile sig_atomic_t n_conns_seen;
static volatile sig_atomic_t armed_below;

static void on_arm(int sig)
{
	armed_below = n_conns_seen;
}

/* --shape-on-signal: the link passes everything until SIGUSR2, then shapes (the fates are
 * drawn from then on, so a seed gives the same sequence whenever the shaping begins). */
static volatile sig_atomic_t shaping_off;

static void on_shape(int sig)
{
	shaping_off = 0;
}

/* The connection of a TCP packet (either direction), added if new; NULL when full. */
static struct conn* find_conn(struct engine* e, const struct iphdr* ip, const struct tcphdr* th)
{
	uint32_t a = ip->saddr, b = ip->daddr;
	uint16_t pa = th->source, pb = th->dest;

	for (int i = 0; i < e->n_conns; i++)
	{
		struct conn* c = &e->conns[i];
		if ((c->a == a && c->b == b && c->pa == pa && c->pb == pb) ||
		    (c->a == b && c->b == a && c->pa == pb && c->pb == pa))
			return c;
	}
	if (e->n_conns == (int)(sizeof(e->conns) / sizeof(e->conns[0])))
		return NULL;
	e->conns[e->n_conns] = (struct conn){ .a = a, .b = b, .pa = pa, .pb = pb };
	n_conns_seen = e->n_conns + 1;
	return &e->conns[e->n_conns++];
}

/* RFC 1071's Internet checksum over a buffer, continuing from `sum`. */
static uint32_t csum_add(uint32_t sum, const void* data, size_t len)
{
	const unsigned char* p = data;
	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)(p[len - 1] << 8);
	return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

/* Fills in the IP and TCP checksums of a 40-byte IPv4+TCP segment without options. */
static void rst_checksums(unsigned char* pkt)
{
	struct iphdr* ip = (struct iphdr*)pkt;
	struct tcphdr* th = (struct tcphdr*)(pkt + 20);
	unsigned char pseudo[12];
	uint32_t sum;

	ip->check = 0;
	ip->check = csum_fold(csum_add(0, ip, 20));
	memcpy(pseudo, &ip->saddr, 4);
	memcpy(pseudo + 4, &ip->daddr, 4);
	pseudo[8] = 0;
	pseudo[9] = IPPROTO_TCP;
	pseudo[10] = 0;
	pseudo[11] = 20;
	th->check = 0;
	sum = csum_add(0, pseudo, sizeof(pseudo));
	th->check = csum_fold(csum_add(sum, th, 20));
}

/* What a "reset both sides" firewall sends, built from one packet of the connection:
 * to its destination, an RST carrying the packet's own sequence number (exactly what the
 * receiver expects next); to its source, an RST with the packet's ACK number. TCP options
 * are left out, so timestamps (PAWS) cannot make a receiver ignore them (RFC 7323 5.3). */
static void build_resets(const unsigned char* pkt, size_t len, unsigned char to_dst[40],
                         unsigned char to_src[40])
{
	const struct iphdr* ip = (const struct iphdr*)pkt;
	const struct tcphdr* th = (const struct tcphdr*)(pkt + ip->ihl * 4);
	struct iphdr* a = (struct iphdr*)to_dst;
	struct tcphdr* at = (struct tcphdr*)(to_dst + 20);
	struct iphdr* b = (struct iphdr*)to_src;
	struct tcphdr* bt = (struct tcphdr*)(to_src + 20);

	(void)len;
	memset(to_dst, 0, 40);
	a->version = 4;
	a->ihl = 5;
	a->ttl = 64; /* the firewall's own, as any device that makes a packet: not the sender's */
	a->protocol = IPPROTO_TCP;
	a->tot_len = htons(40);
	a->saddr = ip->saddr;
	a->daddr = ip->daddr;
	at->source = th->source;
	at->dest = th->dest;
	at->seq = th->seq;
	at->ack_seq = th->ack_seq;
	at->doff = 5;
	at->rst = 1;
	at->ack = 1;
	rst_checksums(to_dst);

	memset(to_src, 0, 40);
	b->version = 4;
	b->ihl = 5;
	b->ttl = 64;
	b->protocol = IPPROTO_TCP;
	b->tot_len = htons(40);
	b->saddr = ip->daddr;
	b->daddr = ip->saddr;
	bt->source = th->dest;
	bt->dest = th->source;
	bt->seq = th->ack_seq;
	bt->doff = 5;
	bt->rst = 1;
	rst_checksums(to_src);
}

static void on_stop(int sig)
{
	stopping = 1;
}

/* ---- a binary heap on (t_release, order) ---- */

static bool before(const struct held* a, const struct held* b)
{
	return a->t_release < b->t_release || (a->t_release == b->t_release && a->order < b->order);
}

static bool heap_push(struct engine* e, struct held h)
{
	size_t i;

	if (e->n_heap == e->cap_heap)
	{
		size_t cap = e->cap_heap ? e->cap_heap * 2 : 1024;
		struct held* p = realloc(e->heap, cap * sizeof(*p));
		if (!p)
			return false;
		e->heap = p;
		e->cap_heap = cap;
	}
	i = e->n_heap++;
	e->heap[i] = h;
	while (i > 0 && before(&e->heap[i], &e->heap[(i - 1) / 2]))
	{
		struct held t = e->heap[i];
		e->heap[i] = e->heap[(i - 1) / 2];
		e->heap[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
	return true;
}

static struct held heap_pop(struct engine* e)
{
	struct held top = e->heap[0];
	size_t i = 0;

	e->heap[0] = e->heap[--e->n_heap];
	for (;;)
	{
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < e->n_heap && before(&e->heap[l], &e->heap[m]))
			m = l;
		if (r < e->n_heap && before(&e->heap[r], &e->heap[m]))
			m = r;
		if (m == i)
			break;
		struct held t = e->heap[i];
		e->heap[i] = e->heap[m];
		e->heap[m] = t;
		i = m;
	}
	return top;
}

/* ---- release ---- */

static void send_copy(struct engine* e, const unsigned char* data, size_t len)
{
	struct sockaddr_in dst = { .sin_family = AF_INET };
	const struct iphdr* ip = (const void*)data;

	if (len < sizeof(*ip) || e->raw < 0)
		return;
	dst.sin_addr.s_addr = ip->daddr;
	/* A locally sent packet takes OUTPUT, not FORWARD: it is not queued to us again. */
	if (sendto(e->raw, data, len, 0, (struct sockaddr*)&dst, sizeof(dst)) < 0 && e->log)
		fprintf(e->log, "# duplicate not sent: %s\n", strerror(errno));
}

static void release(struct engine* e, struct held* h)
{
	if (h->is_dup)
		send_copy(e, h->data, h->len);
	else
		nfq_set_verdict(e->qh, h->id, NF_ACCEPT, h->data ? (uint32_t)h->len : 0, h->data);
	free(h->data);
}

static void release_due(struct engine* e, double now)
{
	while (e->n_heap > 0 && e->heap[0].t_release <= now)
	{
		struct held h = heap_pop(e);
		release(e, &h);
	}
}

/* Called by libnetfilter_queue for each queued packet. */
static int on_packet(struct nfq_q_handle* qh, struct nfgenmsg* msg, struct nfq_data* nfa,
                     void* data)
{
	struct engine* e = data;
	struct nfqnl_msg_packet_hdr* ph = nfq_get_msg_packet_hdr(nfa);
	unsigned char* payload = NULL;
	int len = nfq_get_payload(nfa, &payload);
	uint32_t id = ph ? ntohl(ph->packet_id) : 0;
	struct rp_fate f;
	double now = rp_now_ms();
	unsigned char* copy = NULL;

	if (len < 0)
		len = 0;
	if (shaping_off)
		memset(&f, 0, sizeof(f));
	else
		rp_shape_decide(&e->shape, &e->st, (size_t)len, &f);
	/* The reset fault: at arming, or once this connection's byte count crosses the
	 * threshold, on a TCP packet of a connection not reset yet. */
	if ((e->reset_dst || e->reset_src) && len >= 40 &&
	    ((const struct iphdr*)payload)->protocol == IPPROTO_TCP)
	{
		const struct iphdr* ip = (const struct iphdr*)payload;
		const struct tcphdr* th = (const struct tcphdr*)(payload + ip->ihl * 4);
		size_t hl = (size_t)ip->ihl * 4 + (size_t)th->doff * 4;
		struct conn* c = find_conn(e, ip, th);
		bool due = false;
		if (c && !c->done)
		{
			c->bytes += (size_t)len > hl ? (size_t)len - hl : 0;
			due = (e->reset_after && c->bytes >= e->reset_after) ||
			      (c - e->conns) < armed_below;
		}
		if (c && due && !th->rst && !th->syn)
		{
			unsigned char to_dst[40], to_src[40];
			c->done = true;
			build_resets(payload, (size_t)len, to_dst, to_src);
			if (e->log)
				fprintf(e->log, "%llu reset%s%s 0.000\n", (unsigned long long)e->st.n,
				        e->reset_dst ? " to-destination" : "", e->reset_src ? " to-source" : "");
			if (e->reset_src)
				send_copy(e, to_src, sizeof(to_src));
			if (e->reset_dst)
				return nfq_set_verdict(qh, id, NF_ACCEPT, sizeof(to_dst), to_dst);
			return nfq_set_verdict(qh, id, NF_DROP, 0, NULL);
		}
	}
	/* netem's queue limit (RP_NETEM_LIMIT): a packet that would wait behind that many is
	 * dropped at the tail, as netem does; on a narrow link a burst then loses its end instead
	 * of queueing for minutes. */
	bool full = !f.drop && e->n_heap >= RP_NETEM_LIMIT &&
	            (e->shape.rate_kbit > 0 || f.delay_ms > 0);
	bool rated = e->shape.rate_kbit > 0 && !shaping_off;
	if (e->log)
		fprintf(e->log, "%llu %s%s%s %.3f\n", (unsigned long long)e->st.n,
		        f.drop ? "drop" : full ? "drop-limit" : "pass", f.duplicate ? "+dup" : "",
		        f.corrupt ? "+corrupt" : "", f.drop || full ? 0.0 : f.delay_ms);
	if (f.drop || full)
	{
		e->counts[1]++;
		return nfq_set_verdict(qh, id, NF_DROP, 0, NULL);
	}
	e->counts[0]++;
	if (rated)
	{
		/* A serial link: the packet starts when the one before it is out and takes its
		 * length over the rate (bits over kbit/s is ms); then the delay, as netem's rate.
		 * netem sits on an Ethernet device and counts the frame: the IP packet and its
		 * 14-byte header (measured in the netem lane: a 44-byte probe takes 7.25 ms at
		 * 64 kbit/s, 58 bytes' worth). */
		double start = e->link_free > now ? e->link_free : now;
		e->link_free = start + (double)(len + RP_ETH_HLEN) * 8.0 / e->shape.rate_kbit;
		f.delay_ms += e->link_free - now;
	}
	if (f.corrupt && len > 0)
	{
		e->counts[3]++;
		copy = malloc((size_t)len);
		if (copy)
		{
			memcpy(copy, payload, (size_t)len);
			copy[f.corrupt_bit / 8] ^= (unsigned char)(1u << (f.corrupt_bit % 8));
		}
	}
	if (f.duplicate && len > 0)
	{
		struct held d = { .t_release = now + f.delay_ms, .order = e->order++, .is_dup = true,
			              .data = malloc((size_t)len), .len = (size_t)len };
		e->counts[2]++;
		if (d.data)
		{
			memcpy(d.data, copy ? copy : payload, (size_t)len);
			if (!heap_push(e, d))
				free(d.data);
		}
	}
	if (f.delay_ms <= 0 && (e->n_heap == 0 || e->heap[0].t_release > now))
	{
		int rc = nfq_set_verdict(qh, id, NF_ACCEPT, copy ? (uint32_t)len : 0, copy);
		free(copy);
		return rc;
	}
	{
		struct held h = { .t_release = now + f.delay_ms, .order = e->order++, .id = id,
			              .data = copy, .len = copy ? (size_t)len : 0 };
		if (!heap_push(e, h))
		{
			free(copy);
			return nfq_set_verdict(qh, id, NF_ACCEPT, 0, NULL);
		}
	}
	return 0;
}

/* ---- main ---- */

static int usage(FILE* f)
{
	fprintf(f, "usage: rdprepro shaper --queue N [--seed S] [--direction 0|1] [--log FILE]\n"
	           "                       [--loss SPEC] [--delay SPEC] [--reorder P] [--duplicate P]\n"
	           "                       [--corrupt P] [--reset destination|source|both]\n"
	           "                       [--reset-after-bytes N] [--rate R]\n"
	           "  The lab's userspace link engine (started by run and linkcheck in the router\n"
	           "  namespace). SPEC as in scenario files: --loss 5%%, --loss 'gemodel 1%% 10%% 70%% 0%%',\n"
	           "  --delay '100ms 20ms normal'. Prints \"ready\" once it is bound to its queue.\n"
	           "  --reset: on SIGUSR1 (or after N TCP payload bytes), the next TCP packet becomes\n"
	           "  an RST to its destination and/or a forged RST goes to its source.\n"
	           "  --shape-on-signal: pass everything until SIGUSR2, then shape.\n");
	return f == stderr ? 2 : 0;
}

/* The options into e, queue, dir, seed and log_path; -1 to go on, else the exit status. */
static int engine_options(int argc, char** argv, struct engine* e, long* queue, long* dir,
                          unsigned long* seed, const char** log_path)
{
	static const struct option lo[] = {
		{ "queue", required_argument, NULL, 'q' },     { "seed", required_argument, NULL, 's' },
		{ "direction", required_argument, NULL, 'd' }, { "log", required_argument, NULL, 'l' },
		RP_SHAPE_LONG_OPTIONS,                         { "reset", required_argument, NULL, 'r' },
		{ "reset-after-bytes", required_argument, NULL, 'b' },
		{ "shape-on-signal", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char why[256];
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1)
	{
		const char* key = rp_shape_option_key(c);
		switch (c)
		{
			case 'q':
				*queue = strtol(optarg, NULL, 10);
				break;
			case 's':
				*seed = strtoul(optarg, NULL, 10);
				break;
			case 'd':
				*dir = strtol(optarg, NULL, 10);
				break;
			case 'l':
				*log_path = optarg;
				break;
			case 'r':
				e->reset_dst = strcmp(optarg, "destination") == 0 || strcmp(optarg, "both") == 0;
				e->reset_src = strcmp(optarg, "source") == 0 || strcmp(optarg, "both") == 0;
				if (!e->reset_dst && !e->reset_src)
				{
					fprintf(stderr, "rdprepro shaper: --reset: what is \"%s\"? (destination, "
					                "source, both)\n",
					        optarg);
					return 2;
				}
				break;
			case 'b':
				e->reset_after = strtoull(optarg, NULL, 10);
				break;
			case 'S':
				shaping_off = 1;
				break;
			case 'h':
				return usage(stdout);
			default:
				if (!key)
					return usage(stderr);
				break;
		}
		if (key && !rp_shape_parse(&e->shape, key, optarg, why, sizeof(why)))
		{
			fprintf(stderr, "rdprepro shaper: %s\n", why);
			return 2;
		}
	}
	return *queue < 0 || *queue > 65535 || optind != argc ? usage(stderr) : -1;
}

/* Until told to stop: each packet held for its release time (a heap), released when due,
 * the queue drained whenever it has something. */
static void engine_loop(struct engine* e, struct nfq_handle* h)
{
	char buf[0x10000 + 512] __attribute__((aligned));
	int fd = nfq_fd(h);

	while (!stopping)
	{
		double now = rp_now_ms();
		double wait = 200.0;
		struct pollfd p = { .fd = fd, .events = POLLIN };
		struct timespec ts;
		ssize_t n;

		release_due(e, now);
		if (e->n_heap > 0)
		{
			wait = e->heap[0].t_release - now;
			if (wait < 0)
				wait = 0;
			if (wait > 200.0)
				wait = 200.0;
		}
		/* ppoll, not poll: poll's whole milliseconds held every packet up to 1 ms late (a
		 * median delay 1 ms high in linkcheck). */
		ts.tv_sec = (time_t)(wait / 1000.0);
		ts.tv_nsec = (long)((wait - (double)ts.tv_sec * 1000.0) * 1e6);
		if (ppoll(&p, 1, &ts, NULL) <= 0)
			continue;
		/* Drain what is there: each recv is one netlink message of one packet. */
		while ((n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT)) > 0)
			nfq_handle_packet(h, buf, (int)n);
		if (n < 0 && errno == ENOBUFS && e->log)
			fprintf(e->log, "# ENOBUFS: the kernel dropped queue messages\n");
	}
}

/* The engine's log in the run's result folder: never written through a symlink there. */
static FILE* log_open(const char* path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	FILE* f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!f && fd >= 0)
		close(fd);
	return f;
}

int rp_shaper_main(int argc, char** argv)
{
	struct engine e = { .raw = -1 };
	struct nfq_handle* h = NULL;
	struct sigaction sa = { .sa_handler = on_stop };
	long queue = -1, dir = 0;
	unsigned long seed = 1;
	const char* log_path = NULL;
	int c, ret = 1;

	if ((c = engine_options(argc, argv, &e, &queue, &dir, &seed, &log_path)) >= 0)
		return c;
	rp_shape_seed(&e.st, (uint32_t)seed, (int)dir);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	{
		struct sigaction arm = { .sa_handler = on_arm };
		sigemptyset(&arm.sa_mask);
		sigaction(SIGUSR1, &arm, NULL);
		struct sigaction shape = { .sa_handler = on_shape };
		sigemptyset(&shape.sa_mask);
		sigaction(SIGUSR2, &shape, NULL);
	}
	if (log_path && !(e.log = log_open(log_path)))
	{
		fprintf(stderr, "rdprepro shaper: %s: %s\n", log_path, strerror(errno));
		return 1;
	}
	if (e.shape.duplicate > 0 || e.reset_src)
	{
		int one = 1;
		e.raw = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);
		if (e.raw >= 0)
			setsockopt(e.raw, IPPROTO_IP, IP_HDRINCL, &one, sizeof(one));
	}
	/* Wake at the release time, not up to 50 us after it (the default timer slack). */
	prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
	h = nfq_open();
	if (!h)
	{
		fprintf(stderr, "rdprepro shaper: nfq_open: %s\n", strerror(errno));
		goto out;
	}
	e.qh = nfq_create_queue(h, (uint16_t)queue, on_packet, &e);
	if (!e.qh)
	{
		fprintf(stderr, "rdprepro shaper: cannot bind queue %ld: %s\n", queue, strerror(errno));
		goto out;
	}
	if (nfq_set_mode(e.qh, NFQNL_COPY_PACKET, 0xffff) < 0)
	{
		fprintf(stderr, "rdprepro shaper: nfq_set_mode: %s\n", strerror(errno));
		goto out;
	}
	/* Room for every packet a delay holds: 65536 packets is seconds of a fast link. */
	nfq_set_queue_maxlen(e.qh, 65536);
	nfnl_rcvbufsiz(nfq_nfnlh(h), 16 << 20);
	printf("ready queue %ld\n", queue);
	fflush(stdout);
	engine_loop(&e, h);
	/* Let every held packet go: a stopping engine must not strand the lab's traffic. */
	while (e.n_heap > 0)
	{
		struct held hd = heap_pop(&e);
		release(&e, &hd);
	}
	ret = 0;
out:
	if (e.log)
	{
		fprintf(e.log, "# passed %llu dropped %llu duplicated %llu corrupted %llu\n",
		        (unsigned long long)e.counts[0], (unsigned long long)e.counts[1],
		        (unsigned long long)e.counts[2], (unsigned long long)e.counts[3]);
		fclose(e.log);
	}
	if (e.qh)
		nfq_destroy_queue(e.qh);
	if (h)
		nfq_close(h);
	if (e.raw >= 0)
		close(e.raw);
	free(e.heap);
	return ret;
}
