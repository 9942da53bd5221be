/* hostile.c: see hostile.h. It opens its connections, says "ready N" on stdout (N connected),
 * keeps them open until stdin closes or SIGTERM, then closes them all and exits 0. The bytes
 * it sends come from a seeded generator: the same every run. */
#include "hostile.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util.h"

#define MAX_CROWD 1000

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	stop = 1;
}

static int usage(FILE* f)
{
	fprintf(f, "usage: rdprepro hostile --host ADDR --port PORT [--crowd N] [--seed S]\n"
	           "  Clients the lab server did not expect (run by `rdprepro run` for [client]\n"
	           "  hostile = N): 4 KiB of garbage, a truncated X.224 request, a silent\n"
	           "  connection, and N connections opened at once (default 200, at most %d).\n"
	           "  Prints \"ready CONNECTED/TOTAL\", holds them until stdin closes or SIGTERM.\n",
	        MAX_CROWD);
	return f == stderr ? 2 : 0;
}

/* A non-blocking connect; -1 if the socket cannot even be made. */
static int open_conn(const struct sockaddr_in* a)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd >= 0 && connect(fd, (const struct sockaddr*)a, sizeof(*a)) != 0 && errno != EINPROGRESS)
	{
		close(fd);
		return -1;
	}
	return fd;
}

int rp_hostile_main(int argc, char** argv)
{
	static const struct option lo[] = { { "host", required_argument, NULL, 'h' },
		                                { "port", required_argument, NULL, 'p' },
		                                { "crowd", required_argument, NULL, 'c' },
		                                { "seed", required_argument, NULL, 's' },
		                                { "help", no_argument, NULL, 'H' },
		                                { NULL, 0, NULL, 0 } };
	struct sockaddr_in a = { .sin_family = AF_INET };
	const char* host = NULL;
	long port = 3389, crowd = 200;
	unsigned short xs[3] = { 0x1234, 0x5678, 0x9abc };
	int fds[MAX_CROWD + 3];
	int n = 0, connected = 0, c;
	struct sigaction sa = { .sa_handler = on_term };

	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1)
	{
		char* end = NULL;
		switch (c)
		{
			case 'h':
				host = optarg;
				break;
			case 'p':
				port = strtol(optarg, &end, 10);
				if (*end || port < 1 || port > 65535)
					return usage(stderr);
				break;
			case 'c':
				crowd = strtol(optarg, &end, 10);
				if (*end || crowd < 0 || crowd > MAX_CROWD)
					return usage(stderr);
				break;
			case 's':
				xs[0] = (unsigned short)strtoul(optarg, NULL, 0);
				break;
			case 'H':
				return usage(stdout);
			default:
				return usage(stderr);
		}
	}
	if (!host || inet_pton(AF_INET, host, &a.sin_addr) != 1)
		return usage(stderr);
	a.sin_port = htons((uint16_t)port);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* Three odd ones, then the crowd, all connecting at once. */
	for (long i = 0; i < crowd + 3; i++)
		fds[n++] = open_conn(&a);
	/* Wait (2 s at most) until every connect has finished one way or the other. */
	for (double end = rp_now_ms() + 2000; rp_now_ms() < end;)
	{
		struct pollfd p[MAX_CROWD + 3];
		int pending = 0;
		for (int i = 0; i < n; i++)
		{
			p[i].fd = fds[i];
			p[i].events = POLLOUT;
			p[i].revents = 0;
		}
		if (poll(p, (nfds_t)n, 100) < 0 && errno != EINTR)
			break;
		for (int i = 0; i < n; i++)
			pending += fds[i] >= 0 && !(p[i].revents & (POLLOUT | POLLERR | POLLHUP));
		if (!pending)
			break;
	}
	for (int i = 0; i < n; i++)
	{
		int err = 0;
		socklen_t len = sizeof(err);
		if (fds[i] >= 0 && getsockopt(fds[i], SOL_SOCKET, SO_ERROR, &err, &len) == 0 && !err)
			connected++;
	}
	/* 0: garbage (4 KiB, seeded); 1: the first 7 of the 19 bytes of an X.224 Connection
	 * Request (TPKT header says 19); 2 and the crowd: silent. */
	if (fds[0] >= 0)
	{
		unsigned char junk[4096];
		for (size_t i = 0; i < sizeof(junk); i++)
			junk[i] = (unsigned char)(nrand48(xs) & 0xff);
		(void)!send(fds[0], junk, sizeof(junk), MSG_NOSIGNAL);
	}
	if (n > 1 && fds[1] >= 0)
	{
		static const unsigned char cr_start[7] = { 0x03, 0x00, 0x00, 0x13, 0x0e, 0xe0, 0x00 };
		(void)!send(fds[1], cr_start, sizeof(cr_start), MSG_NOSIGNAL);
	}
	printf("ready %d/%d\n", connected, n);
	fflush(stdout);
	/* Hold until told: stdin closes (the runner) or a signal. */
	while (!stop)
	{
		struct pollfd in = { .fd = 0, .events = POLLIN };
		char buf[64];
		if (poll(&in, 1, 200) > 0 && read(0, buf, sizeof(buf)) <= 0)
			break;
	}
	for (int i = 0; i < n; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	return 0;
}
