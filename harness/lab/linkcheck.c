/* linkcheck.c: measure a shaped link. */
#include "linkcheck.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "lab.h"
#include "faults.h"
#include "proc.h"
#include "scenario.h"
#include "shape.h"

#define UDP_PORT 9000
#define TCP_PORT 9001

struct probe_pkt
{
	uint32_t seq;
	uint32_t pad;
	double t_send;
};

struct lc
{
	int count;
	int interval_us;
	double bulk_s;
	int udp_rx, tcp_listen;
	/* receiver results */
	double* delay; /* per seq, -1 if never received */
	int* seen;     /* receptions per seq */
	int reordered;
	double drain_until;
	volatile int sending;
	double bytes_window;
	double window_s;
};

/* Creates a socket inside a named namespace: a socket keeps the namespace it was made in. */
static int socket_in(const char* ns, int type)
{
	char path[256];
	int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	int fd, target, s = -1;

	snprintf(path, sizeof(path), "/run/netns/%s", ns);
	target = open(path, O_RDONLY | O_CLOEXEC);
	if (self < 0 || target < 0)
		goto out;
	if (setns(target, CLONE_NEWNET) != 0)
		goto out;
	s = socket(AF_INET, type | SOCK_CLOEXEC, 0);
	fd = setns(self, CLONE_NEWNET);
	if (fd != 0)
	{
		/* Stuck in the lab's namespace: never go on from there. */
		fprintf(stderr, "rdprepro linkcheck: cannot return to the original namespace\n");
		abort();
	}
out:
	if (self >= 0)
		close(self);
	if (target >= 0)
		close(target);
	return s;
}

static void* udp_receiver(void* arg)
{
	struct lc* c = arg;
	uint32_t max_seq = 0;
	bool any = false;
	double last_rx = 0;

	for (;;)
	{
		struct pollfd p = { .fd = c->udp_rx, .events = POLLIN };
		struct probe_pkt pkt;
		double now = rp_now_ms();
		/* Past the drain time, and quiet for 500 ms: on a narrow link the probes queue behind
		 * each other and are still arriving, evenly, well after the last was sent. */
		if (!c->sending && now > c->drain_until && now - last_rx > 500)
			break;
		if (poll(&p, 1, 20) <= 0)
			continue;
		while (recv(c->udp_rx, &pkt, sizeof(pkt), MSG_DONTWAIT) == (ssize_t)sizeof(pkt))
		{
			double t = rp_now_ms();
			last_rx = t;
			if (pkt.seq >= (uint32_t)c->count)
				continue;
			if (c->seen[pkt.seq]++ == 0)
				c->delay[pkt.seq] = t - pkt.t_send;
			if (any && pkt.seq < max_seq)
				c->reordered++;
			if (!any || pkt.seq > max_seq)
				max_seq = pkt.seq;
			any = true;
		}
	}
	return NULL;
}

static int cmp_d(const void* a, const void* b)
{
	double x = *(const double*)a, y = *(const double*)b;
	return (x > y) - (x < y);
}

struct bulk
{
	struct lc* c;
	int fd;
};

static void* tcp_sink(void* arg)
{
	struct lc* c = arg;
	int fd = accept(c->tcp_listen, NULL, NULL);
	char buf[65536];
	double t0 = -1, w0 = 0, w1 = 0;

	if (fd < 0)
		return NULL;
	for (;;)
	{
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		double now = rp_now_ms();
		if (n <= 0)
			break;
		if (t0 < 0)
			t0 = now;
		/* Measure from 0.5 s in: past the bucket's initial burst and slow start. */
		if (now - t0 >= 500)
		{
			if (w0 == 0)
				w0 = now;
			c->bytes_window += (double)n;
			w1 = now;
		}
	}
	c->window_s = (w1 - w0) / 1000.0;
	close(fd);
	return NULL;
}

static int usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro linkcheck [--loss SPEC] [--delay SPEC] [--reorder P] [--duplicate P]\n"
	        "                          [--corrupt P] [--rate R] [--engine] [--backend B]\n"
	        "                          [--count N] [--interval-us U] [--bulk S] [--seed N] [-v]\n"
	        "                          [--mtu N --icmp blocked|allowed]\n"
	        "  Shapes the lab's client-to-server link as a scenario's [link to-server] would,\n"
	        "  sends N timestamped UDP probes (and, with --rate, a TCP bulk flow for S seconds)\n"
	        "  between the namespaces, and compares what the link did with what was asked.\n"
	        "  --engine runs the userspace engine even with nothing to shape (its own cost).\n"
	        "  --mtu also sends DF datagrams of 1400 bytes from the server to the client and\n"
	        "  reads the path MTU the server learns (PMTUD works, or is a black hole).\n"
	        "exit: 0 every measure within its tolerance, 1 one is not, 2 usage.\n");
	return f == stderr ? 2 : 0;
}

/* One line of the table; returns whether the measure is within tolerance. */
static bool row(const char* what, double asked, double got, double tol, const char* unit,
                const char* tol_text)
{
	bool ok = fabs(got - asked) <= tol;
	printf("  %-22s %10.3f %-5s %10.3f %-5s %-14s %s\n", what, asked, unit, got, unit, tol_text,
	       ok ? "[ OK ]" : "[FAIL]");
	return ok;
}

/* One linkcheck: its link, its lab, its sockets and what the receivers saw. */
struct lc_run
{
	struct rp_scenario sc;
	struct rp_lab lab;
	struct lc c;
	bool count_given;
	const char* backend;
	bool force_engine, verbose;
	char rundir[4096], how[512], why[256];
	pid_t engines[2];
	int tx, tcp_tx;
};

/* The options into L; -1 to go on, else the exit status (2: a usage error). */
static int lc_options(int argc, char** argv, struct lc_run* L)
{
	static const struct option lo[] = {
		RP_SHAPE_LONG_OPTIONS,
		{ "engine", no_argument, NULL, 'e' },          { "backend", required_argument, NULL, 'b' },
		{ "count", required_argument, NULL, 'n' },     { "interval-us", required_argument, NULL, 'i' },
		{ "bulk", required_argument, NULL, 'B' },      { "seed", required_argument, NULL, 's' },
		{ "mtu", required_argument, NULL, 'm' },       { "icmp", required_argument, NULL, 'I' },
		{ "verbose", no_argument, NULL, 'v' },         { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "vh", lo, NULL)) != -1)
	{
		const char* key = rp_shape_option_key(ch);
		switch (ch)
		{
			case 'e':
				L->force_engine = true;
				break;
			case 'm':
				L->sc.mtu = (uint32_t)strtoul(optarg, NULL, 10);
				if (L->sc.mtu < 576 || L->sc.mtu > 1500)
				{
					fprintf(stderr, "rdprepro linkcheck: --mtu: %s is out of range (576 to 1500)\n",
					        optarg);
					return 2;
				}
				break;
			case 'I':
				if (strcmp(optarg, "blocked") != 0 && strcmp(optarg, "allowed") != 0)
				{
					fprintf(stderr, "rdprepro linkcheck: --icmp: what is \"%s\"? (blocked, allowed)\n",
					        optarg);
					return 2;
				}
				L->sc.icmp_blocked = strcmp(optarg, "blocked") == 0;
				break;
			case 'b':
				L->backend = optarg;
				break;
			case 'n':
				L->c.count = atoi(optarg);
				L->count_given = true;
				break;
			case 'i':
				L->c.interval_us = atoi(optarg);
				break;
			case 'B':
				L->c.bulk_s = atof(optarg);
				break;
			case 's':
				L->sc.seed = (uint32_t)strtoul(optarg, NULL, 10);
				break;
			case 'v':
				L->verbose = true;
				break;
			case 'h':
				return usage(stdout);
			default:
				if (!key)
					return usage(stderr);
				break;
		}
		if (key && !rp_shape_parse(&L->sc.link[0], key, optarg, L->why, sizeof(L->why)))
		{
			fprintf(stderr, "rdprepro linkcheck: %s\n", L->why);
			return 2;
		}
	}
	/* On a narrow link 10,000 probes would overflow netem's queue (RP_NETEM_LIMIT): 500 fit. */
	if (L->sc.link[0].rate_kbit > 0 && !L->count_given)
		L->c.count = 500;
	if (optind != argc || L->c.count < 100 || L->c.count > 1000000 || L->c.interval_us < 10 ||
	    L->c.bulk_s < 1 || L->c.bulk_s > 60)
		return usage(stderr);
	return -1;
}

/* The lab up with the link's faults; false when the run cannot go on (said on stderr). */
static bool lc_lab(struct lc_run* L)
{
	struct rp_err err = { "" };
	unsigned short rnd = 0;

	g_verbose = L->verbose;
	if (!rp_find_self(&err) || !rp_signals_install())
	{
		fprintf(stderr, "rdprepro linkcheck: %s\n", err.msg);
		return false;
	}
	{
		const char* tmp = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		if (!rp_lab_sweep(tmp, L->verbose, &err))
			fprintf(stderr, "rdprepro: sweep: %s\n", err.msg);
		if (getrandom(&rnd, sizeof(rnd), 0) != sizeof(rnd))
			rnd = (unsigned short)getpid();
		rp_lab_name(&L->lab, getpid(), rnd);
		if (!rp_lab_rundir(&L->lab, tmp, L->rundir, sizeof(L->rundir), &err))
		{
			fprintf(stderr, "rdprepro linkcheck: %s\n", err.msg);
			return false;
		}
	}
	rp_defer(rp_undo_lab_rundir, L->rundir, "run directory");
	if (!rp_lab_up(&L->lab, L->verbose, &err))
	{
		fprintf(stderr, "rdprepro linkcheck: %s (root is needed for network namespaces)\n", err.msg);
		return false;
	}
	rp_defer(rp_undo_lab, &L->lab, "lab");
	if (!rp_apply_link_faults(&L->sc, &L->lab, L->rundir, L->backend, L->verbose, L->force_engine,
	                          L->how, sizeof(L->how), L->engines, &err))
	{
		fprintf(stderr, "rdprepro linkcheck: %s\n", err.msg);
		return false;
	}
	printf("link to-server: %s\n", L->how[0] ? L->how : "unshaped");
	return true;
}

/* The sender in the client namespace, the receivers in the server's. */
static bool lc_sockets(struct lc_run* L)
{
	{
		struct sockaddr_in a = { .sin_family = AF_INET };
		int one = 1;
		L->tx = socket_in(L->lab.ns_client, SOCK_DGRAM);
		L->c.udp_rx = socket_in(L->lab.ns_server, SOCK_DGRAM);
		L->c.tcp_listen = socket_in(L->lab.ns_server, SOCK_STREAM);
		if (L->tx < 0 || L->c.udp_rx < 0 || L->c.tcp_listen < 0)
		{
			fprintf(stderr, "rdprepro linkcheck: cannot make sockets in the lab\n");
			return false;
		}
		inet_pton(AF_INET, RP_LAB_SERVER_ADDR, &a.sin_addr);
		a.sin_port = htons(UDP_PORT);
		setsockopt(L->c.udp_rx, SOL_SOCKET, SO_RCVBUF, &(int){ 8 << 20 }, sizeof(int));
		if (bind(L->c.udp_rx, (struct sockaddr*)&a, sizeof(a)) != 0 ||
		    connect(L->tx, (struct sockaddr*)&a, sizeof(a)) != 0)
		{
			fprintf(stderr, "rdprepro linkcheck: udp: %s\n", strerror(errno));
			return false;
		}
		a.sin_port = htons(TCP_PORT);
		setsockopt(L->c.tcp_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(L->c.tcp_listen, (struct sockaddr*)&a, sizeof(a)) != 0 || listen(L->c.tcp_listen, 1) != 0)
		{
			fprintf(stderr, "rdprepro linkcheck: tcp: %s\n", strerror(errno));
			return false;
		}
	}
	return true;
}

/* 1. UDP probes at a fixed pace, each with its sequence number and send time: loss, delay,
 * jitter, duplicates, reordering against what was asked. */
static bool lc_udp(struct lc_run* L, bool* ok)
{
	L->c.delay = malloc(sizeof(double) * (size_t)L->c.count);
	L->c.seen = calloc((size_t)L->c.count, sizeof(int));
	if (!L->c.delay || !L->c.seen)
		return false;
	for (int i = 0; i < L->c.count; i++)
		L->c.delay[i] = -1;
	{
		pthread_t rx;
		struct timespec next;
		double worst = L->sc.link[0].delay_ms + 6 * L->sc.link[0].jitter_ms + 500;
		L->c.sending = 1;
		pthread_create(&rx, NULL, udp_receiver, &L->c);
		clock_gettime(CLOCK_MONOTONIC, &next);
		for (int i = 0; i < L->c.count && !rp_interrupted(); i++)
		{
			struct probe_pkt pkt = { .seq = (uint32_t)i, .t_send = rp_now_ms() };
			if (send(L->tx, &pkt, sizeof(pkt), 0) < 0 && errno != ENOBUFS && errno != EAGAIN)
				break;
			/* Pacing the probe stream (absolute times: no drift), not waiting on a state. */
			next.tv_nsec += (long)L->c.interval_us * 1000;
			while (next.tv_nsec >= 1000000000L)
			{
				next.tv_nsec -= 1000000000L;
				next.tv_sec++;
			}
			clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
		}
		L->c.drain_until = rp_now_ms() + worst;
		L->c.sending = 0;
		pthread_join(rx, NULL);
	}
	{
		double* d = malloc(sizeof(double) * (size_t)L->c.count);
		int got = 0, dups = 0;
		double mean = 0, var = 0;
		for (int i = 0; i < L->c.count; i++)
		{
			if (L->c.seen[i])
				d[got++] = L->c.delay[i];
			if (L->c.seen[i] > 1)
				dups += L->c.seen[i] - 1;
		}
		for (int i = 0; i < got; i++)
			mean += d[i];
		mean = got ? mean / got : 0;
		for (int i = 0; i < got; i++)
			var += (d[i] - mean) * (d[i] - mean);
		var = got > 1 ? var / (got - 1) : 0;
		qsort(d, (size_t)got, sizeof(double), cmp_d);
		{
			const struct rp_shape* s = &L->sc.link[0];
			double asked_loss = s->loss * 100;
			/* netem's own formula for the stationary loss of its Gilbert-Elliott chain. */
			if (s->ge)
			{
				double pb = s->ge_p / (s->ge_p + s->ge_r);
				asked_loss = 100 * (pb * s->ge_bad_loss + (1 - pb) * s->ge_good_loss);
			}
			/* A flipped bit fails the IP or UDP checksum: the receiver's kernel drops it. */
			asked_loss += (100 - asked_loss) * s->corrupt;
			double med = got ? d[got / 2] : -1;
			double sd = sqrt(var);
			/* The spread each distribution gives for a jitter j (shape.c). */
			double sd_factor[] = { 1 / sqrt(3.0), 1, 1, sqrt(0.25 * 0.25 + 0.75 * 0.75) };
			double asked_sd = s->jitter_ms * sd_factor[s->dist];
			printf("probes: %d sent every %d us, %d received once or more, %d duplicates, "
			       "%d reordered\n",
			       L->c.count, L->c.interval_us, got, dups, L->c.reordered);
			printf("delay: min %.3f  p10 %.3f  median %.3f  p90 %.3f  max %.3f  mean %.3f  sd %.3f ms\n",
			       got ? d[0] : 0, got ? d[got / 10] : 0, med, got ? d[got * 9 / 10] : 0,
			       got ? d[got - 1] : 0, mean, sd);
			printf("\n  %-22s %16s %16s %-14s %s\n", "measure", "asked", "measured", "tolerance",
			       "result");
			*ok &= row("loss", asked_loss, 100.0 * (L->c.count - got) / L->c.count, 2.0, "%",
			          "+-2 points");
			if (s->delay_ms > 0 || L->force_engine)
				*ok &= row("delay (median)", s->delay_ms, med, 1.0, "ms", "+-1 ms");
			if (s->jitter_ms > 0)
				*ok &= row("jitter (sd)", asked_sd, sd, asked_sd * 0.10, "ms", "+-10%");
			if (s->duplicate > 0)
				*ok &= row("duplicates", s->duplicate * 100, 100.0 * dups / (got ? got : 1), 1.0, "%",
				          "+-1 point");
			if (s->reorder > 0 && s->delay_ms > 0)
			{
				/* netem reorder p: p of the packets skip the delay. */
				int fast = 0;
				for (int i = 0; i < got; i++)
					fast += d[i] < s->delay_ms / 2;
				*ok &= row("sent at once", s->reorder * 100, 100.0 * fast / (got ? got : 1), 2.0, "%",
				          "+-2 points");
			}
		}
		free(d);
	}
	return true;
}

/* 2. PMTUD: full-size DF datagrams from the server, as its TLS flight would be. */
static bool lc_pmtud(struct lc_run* L, bool* ok)
{
	if (L->sc.mtu)
	{
		int srv = socket_in(L->lab.ns_server, SOCK_DGRAM);
		int cli = socket_in(L->lab.ns_client, SOCK_DGRAM);
		int pmtu = IP_PMTUDISC_DO, mtu = 0, delivered = 0;
		socklen_t len = sizeof(mtu);
		struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(UDP_PORT + 2) };
		char big[1400];
		memset(big, 0x42, sizeof(big));
		inet_pton(AF_INET, RP_LAB_CLIENT_ADDR, &a.sin_addr);
		if (srv < 0 || cli < 0 || bind(cli, (struct sockaddr*)&a, sizeof(a)) != 0 ||
		    setsockopt(srv, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu, sizeof(pmtu)) != 0 ||
		    connect(srv, (struct sockaddr*)&a, sizeof(a)) != 0)
		{
			fprintf(stderr, "rdprepro linkcheck: pmtud sockets: %s\n", strerror(errno));
			return false;
		}
		/* Five tries 100 ms apart: the ICMP, if it comes, arrives within one RTT. */
		for (int i = 0; i < 5; i++)
		{
			struct pollfd p = { .fd = cli, .events = POLLIN };
			send(srv, big, sizeof(big), 0);
			if (poll(&p, 1, 100) > 0 && recv(cli, big, sizeof(big), MSG_DONTWAIT) > 0)
				delivered++;
		}
		getsockopt(srv, IPPROTO_IP, IP_MTU, &mtu, &len);
		printf("\npmtud: 5 DF datagrams of 1400 B from the server: %d delivered, the server's "
		       "path MTU is now %d\n",
		       delivered, mtu);
		/* With ICMP allowed the server learns the lower MTU; blocked, it never does. */
		*ok &= row("server's path MTU", L->sc.icmp_blocked ? 1500 : L->sc.mtu, mtu, 0, "B", "exact");
		*ok &= row("1400 B DF delivered", 0, delivered, 0, "", "exact");
		close(srv);
		close(cli);
	}
	return true;
}

/* 3. A TCP bulk flow for the rate, or for the engine's throughput. */
static bool lc_bulk(struct lc_run* L, bool* ok)
{
	if (L->sc.link[0].rate_kbit || L->force_engine)
	{
		pthread_t sink;
		char buf[65536];
		struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(TCP_PORT) };
		double t_end;
		memset(buf, 0x5a, sizeof(buf));
		inet_pton(AF_INET, RP_LAB_SERVER_ADDR, &a.sin_addr);
		L->tcp_tx = socket_in(L->lab.ns_client, SOCK_STREAM);
		pthread_create(&sink, NULL, tcp_sink, &L->c);
		if (L->tcp_tx < 0 || connect(L->tcp_tx, (struct sockaddr*)&a, sizeof(a)) != 0)
		{
			fprintf(stderr, "rdprepro linkcheck: tcp connect: %s\n", strerror(errno));
			shutdown(L->c.tcp_listen, SHUT_RDWR);
			pthread_join(sink, NULL);
			return false;
		}
		t_end = rp_now_ms() + L->c.bulk_s * 1000;
		while (rp_now_ms() < t_end && !rp_interrupted())
		{
			struct pollfd p = { .fd = L->tcp_tx, .events = POLLOUT };
			if (poll(&p, 1, 50) > 0 && send(L->tcp_tx, buf, sizeof(buf), MSG_DONTWAIT) < 0 &&
			    errno != EAGAIN)
				break;
		}
		close(L->tcp_tx);
		L->tcp_tx = -1;
		pthread_join(sink, NULL);
		{
			double kbit = L->c.window_s > 0 ? L->c.bytes_window * 8 / 1000 / L->c.window_s : 0;
			printf("\nbulk TCP: %.0f kbit/s over %.2f s\n", kbit, L->c.window_s);
			if (L->sc.link[0].rate_kbit)
				*ok &= row("rate", L->sc.link[0].rate_kbit, kbit, L->sc.link[0].rate_kbit * 0.10, "kbit", "+-10%");
		}
	}
	return true;
}

int rp_linkcheck_main(int argc, char** argv)
{
	struct lc_run* L = calloc(1, sizeof(*L));
	bool ok = true;
	int ret = 1;

	if (!L)
		return 1;
	L->c = (struct lc){ .count = 10000, .interval_us = 200, .bulk_s = 3 };
	L->backend = "auto";
	L->tx = L->tcp_tx = -1;
	rp_strlcpy(L->sc.name, "linkcheck", sizeof(L->sc.name));
	L->sc.seed = 1;
	if ((ret = lc_options(argc, argv, L)) >= 0)
	{
		free(L);
		return ret;
	}
	ret = 1;
	if (lc_lab(L) && lc_sockets(L) && lc_udp(L, &ok) && lc_pmtud(L, &ok) && lc_bulk(L, &ok))
	{
		printf("\n%s\n", ok ? "linkcheck: every measure within its tolerance"
		                    : "linkcheck: a measure is out of its tolerance");
		ret = ok ? 0 : 1;
		if (rp_interrupted())
			ret = 128 + rp_interrupted();
	}
	if (L->tx >= 0)
		close(L->tx);
	if (L->tcp_tx >= 0)
		close(L->tcp_tx);
	free(L->c.delay);
	free(L->c.seen);
	rp_cleanup_all();
	free(L);
	return ret;
}

