/* server.c: the lab's RDP server: its options, its lines on stdout, its stop on a signal, the
 * listener and main. Each connection is in server_peer.c, the desktop of an active session in
 * server_desktop.c; server_internal.h holds what they share. */
#include "server.h"
#include "server_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <freerdp/error.h>
#include <winpr/synch.h>

#include "util.h"
#include "wlog.h"

struct srv_opts srv_options;
volatile sig_atomic_t srv_stopping;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

/* One line per event on stdout, whole and flushed: the runner reads them as they come. */
void srv_report(int peer, const char* fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&out_lock);
	if (peer >= 0)
		printf("peer %d ", peer);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" %.3f\n", rp_now_ms());
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
}

/* Written by on_stop, watched by the listener loop: a stop wakes it at once (the loop's
 * 100 ms wake-up made every stop wait 50 ms on average, a third of a lab's teardown). */
static int stop_pipe[2] = { -1, -1 };

static void on_stop(int sig)
{
	int saved = errno;
	srv_stopping = 1;
	if (stop_pipe[1] >= 0 && write(stop_pipe[1], "x", 1) < 0)
	{
		/* full or closed: the flag is set, the loop's wake-up sees it */
	}
	errno = saved;
}

static int usage(FILE* f)
{
	fprintf(f, "usage: rdprepro server --addr ADDR --port PORT --cert FILE --key FILE --sam FILE\n"
	           "                       [--behaviour normal|deny|errorinfo|close|overloaded]\n"
	           "                       [--error-info CODE] [--error-at PHASE] [--hang-at PHASE]\n"
	           "                       [--security negotiate|nla|tls|rdp] [--hold-at PHASE]\n"
	           "                       [--pause-at PHASE --pause-ms MS] [--error-after MS]\n"
	           "                       [--desktop none|still|ticking|busy [--desktop-every MS]]\n"
	           "                       [--heartbeat SECONDS]\n"
	           "  --behaviour ultimatum: at --error-at (+ --error-after), Deactivate All and a\n"
	           "  Disconnect Provider Ultimatum with no errorInfo.\n"
	           "  --desktop: after activation a full paint, then: nothing (still), a small region\n"
	           "  every MS (ticking) or a full paint every MS (busy); pointer moves and refresh\n"
	           "  requests are answered.\n"
	           "  The lab's RDP server (run by `rdprepro run` inside the server namespace).\n");
	return f == stderr ? 2 : 0;
}

/* A number option: the whole word a number (base 10, or with C's 0x and 0 prefixes where `base`
 * is 0) within [min, max] (a duration up to a day, as a scenario's: rp_parse_duration_ms); false,
 * said on stderr with the option's name and its range, otherwise. */
static bool num_opt(const char* name, const char* arg, int base, long min, long max, long* out)
{
	char* end;
	long v;

	errno = 0;
	v = strtol(arg, &end, base);
	if (errno || end == arg || *end || v < min || v > max)
	{
		fprintf(stderr, "rdprepro server: --%s: \"%s\" is not a number from %ld to %ld\n", name,
		        arg, min, max);
		return false;
	}
	*out = v;
	return true;
}

/* --behaviour: what the server does besides serving; false (said on stderr) for a word it does
 * not know. */
static bool parse_behaviour(const char* arg)
{
	if (strcmp(arg, "deny") == 0)
	{
		srv_options.deny = true;
		srv_options.error_info = ERRINFO_SERVER_DENIED_CONNECTION;
	}
	else if (strcmp(arg, "errorinfo") == 0)
		srv_options.deny = true;
	else if (strcmp(arg, "close") == 0)
		srv_options.close_silently = true;
	else if (strcmp(arg, "overloaded") == 0)
		srv_options.overloaded = true;
	else if (strcmp(arg, "ultimatum") == 0)
		srv_options.ultimatum = true;
	else if (strcmp(arg, "normal") != 0)
	{
		fprintf(stderr, "rdprepro server: --behaviour: what is \"%s\"?\n", arg);
		return false;
	}
	return true;
}

/* Reads the options into srv_options: 0, -1 when it printed the help, or the exit status of a
 * mistake it reported. */
static int parse_opts(int argc, char** argv)
{
	static const struct option lo[] = {
		{ "addr", required_argument, NULL, 'a' }, { "port", required_argument, NULL, 'p' },
		{ "cert", required_argument, NULL, 'c' }, { "key", required_argument, NULL, 'k' },
		{ "sam", required_argument, NULL, 's' },  { "behaviour", required_argument, NULL, 'b' },
		{ "hold-at", required_argument, NULL, 'H' }, { "pause-at", required_argument, NULL, 'P' },
		{ "pause-ms", required_argument, NULL, 'M' },
		{ "error-info", required_argument, NULL, 'E' }, { "error-at", required_argument, NULL, 'A' },
		{ "hang-at", required_argument, NULL, 'G' },   { "security", required_argument, NULL, 'S' },
		{ "error-after", required_argument, NULL, 'F' }, { "desktop", required_argument, NULL, 'D' },
		{ "desktop-every", required_argument, NULL, 'V' }, { "heartbeat", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	srv_options.port = 3389;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1)
	{
		switch (c)
		{
			case 'a':
				srv_options.addr = optarg;
				break;
			case 'p':
				if (!num_opt("port", optarg, 10, 1, 65535, &srv_options.port))
					return 2;
				break;
			case 'c':
				srv_options.cert = optarg;
				break;
			case 'k':
				srv_options.key = optarg;
				break;
			case 's':
				srv_options.sam = optarg;
				break;
			case 'b':
				if (!parse_behaviour(optarg))
					return 2;
				break;
			case 'E':
			{
				long code;
				/* an errorInfo code (MS-RDPBCGR 2.2.5.1.1: 32 bits) */
				if (!num_opt("error-info", optarg, 0, 0, 0xFFFFFFFFL, &code))
					return 2;
				srv_options.error_info = (unsigned long)code;
				break;
			}
			case 'A':
				srv_options.error_at = optarg;
				break;
			case 'G':
				srv_options.hang_at = optarg;
				break;
			case 'S':
				srv_options.security = optarg;
				break;
			case 'H':
				srv_options.hold_at = optarg;
				break;
			case 'P':
				srv_options.pause_at = optarg;
				break;
			case 'M':
				if (!num_opt("pause-ms", optarg, 10, 0, 86400000, &srv_options.pause_ms))
					return 2;
				break;
			case 'F':
				if (!num_opt("error-after", optarg, 10, 0, 86400000, &srv_options.error_after_ms))
					return 2;
				break;
			case 'V':
				if (!num_opt("desktop-every", optarg, 10, 1, 86400000, &srv_options.desktop_every_ms))
					return 2;
				break;
			case 'B':
				/* the Heartbeat PDU's period is one byte of seconds (MS-RDPBCGR 2.2.16.1) */
				if (!num_opt("heartbeat", optarg, 10, 1, 255, &srv_options.heartbeat_s))
					return 2;
				break;
			case 'D':
				if (strcmp(optarg, "none") == 0)
					srv_options.desktop = DESK_NONE;
				else if (strcmp(optarg, "still") == 0)
					srv_options.desktop = DESK_STILL;
				else if (strcmp(optarg, "ticking") == 0)
					srv_options.desktop = DESK_TICKING;
				else if (strcmp(optarg, "busy") == 0)
					srv_options.desktop = DESK_BUSY;
				else
				{
					fprintf(stderr, "rdprepro server: --desktop: none, still, ticking or busy\n");
					return 2;
				}
				break;
			case 'h':
				return usage(stdout) - 1; /* -1: printed help */
			default:
				return usage(stderr);
		}
	}
	if (!srv_options.addr || !srv_options.cert || !srv_options.key || !srv_options.sam || optind != argc)
		return usage(stderr);
	if ((srv_options.desktop == DESK_TICKING || srv_options.desktop == DESK_BUSY) && srv_options.desktop_every_ms < 50)
	{
		fprintf(stderr, "rdprepro server: --desktop ticking/busy needs --desktop-every of 50 "
		                "ms or more\n");
		return 2;
	}
	return 0;
}

int rp_server_main(int argc, char** argv)
{
	freerdp_listener* listener = NULL;
	HANDLE stop_event = NULL;
	struct sigaction sa = { .sa_handler = on_stop };
	int ret = 1;
	int rc;

	rc = parse_opts(argc, argv);
	if (rc != 0)
		return rc < 0 ? 0 : rc;

	rp_freerdp_process_setup();
	if (pipe2(stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
	{
		fprintf(stderr, "rdprepro server: pipe: %s\n", strerror(errno));
		goto out;
	}
	if (!(stop_event = CreateFileDescriptorEventA(NULL, TRUE, FALSE, stop_pipe[0], WINPR_FD_READ)))
	{
		fprintf(stderr, "rdprepro server: cannot make the stop event\n");
		goto out;
	}
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	listener = freerdp_listener_new();
	if (!listener)
		goto out;
	listener->PeerAccepted = srv_peer_accepted;
	if (!listener->Open(listener, srv_options.addr, (UINT16)srv_options.port))
	{
		fprintf(stderr, "rdprepro server: cannot listen on %s:%ld\n", srv_options.addr, srv_options.port);
		goto out;
	}
	srv_report(-1, "listening %s %ld", srv_options.addr, srv_options.port);
	while (!srv_stopping)
	{
		HANDLE handles[32] = { 0 };
		DWORD count = listener->GetEventHandles(listener, handles, ARRAYSIZE(handles) - 1);
		if (count == 0)
			break;
		handles[count++] = stop_event;
		if (WaitForMultipleObjects(count, handles, FALSE, 100) == WAIT_FAILED)
			break;
		if (!listener->CheckFileDescriptor(listener))
			break;
		srv_peers_reap();
	}
	ret = 0;
	listener->Close(listener);
	{
		int busy = srv_peers_stop(PEER_EXIT_WAIT_MS);
		if (busy > 0)
			srv_report(-1, "exit with %d peers still busy", busy);
	}
out:
	freerdp_listener_free(listener);
	if (stop_event)
		CloseHandle(stop_event);
	return ret;
}
