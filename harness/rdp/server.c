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

struct srv_opts opts;
volatile sig_atomic_t stopping;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

/* One line per event on stdout, whole and flushed: the runner reads them as they come. */
void report(int peer, const char* fmt, ...)
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
	stopping = 1;
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

/* --behaviour: what the server does besides serving; false (said on stderr) for a word it does
 * not know. */
static bool parse_behaviour(const char* arg)
{
	if (strcmp(arg, "deny") == 0)
	{
		opts.deny = true;
		opts.error_info = ERRINFO_SERVER_DENIED_CONNECTION;
	}
	else if (strcmp(arg, "errorinfo") == 0)
		opts.deny = true;
	else if (strcmp(arg, "close") == 0)
		opts.close_silently = true;
	else if (strcmp(arg, "overloaded") == 0)
		opts.overloaded = true;
	else if (strcmp(arg, "ultimatum") == 0)
		opts.ultimatum = true;
	else if (strcmp(arg, "normal") != 0)
	{
		fprintf(stderr, "rdprepro server: --behaviour: what is \"%s\"?\n", arg);
		return false;
	}
	return true;
}

/* Reads the options into opts: 0, -1 when it printed the help, or the exit status of a
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
	char* end;

	opts.port = 3389;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1)
	{
		switch (c)
		{
			case 'a':
				opts.addr = optarg;
				break;
			case 'p':
				errno = 0;
				opts.port = strtol(optarg, &end, 10);
				if (errno || *end || opts.port < 1 || opts.port > 65535)
				{
					fprintf(stderr, "rdprepro server: --port: bad port \"%s\"\n", optarg);
					return 2;
				}
				break;
			case 'c':
				opts.cert = optarg;
				break;
			case 'k':
				opts.key = optarg;
				break;
			case 's':
				opts.sam = optarg;
				break;
			case 'b':
				if (!parse_behaviour(optarg))
					return 2;
				break;
			case 'E':
				opts.error_info = strtoul(optarg, NULL, 0);
				break;
			case 'A':
				opts.error_at = optarg;
				break;
			case 'G':
				opts.hang_at = optarg;
				break;
			case 'S':
				opts.security = optarg;
				break;
			case 'H':
				opts.hold_at = optarg;
				break;
			case 'P':
				opts.pause_at = optarg;
				break;
			case 'M':
				opts.pause_ms = strtol(optarg, NULL, 10);
				break;
			case 'F':
				opts.error_after_ms = strtol(optarg, NULL, 10);
				break;
			case 'V':
				opts.desktop_every_ms = strtol(optarg, NULL, 10);
				break;
			case 'B':
				opts.heartbeat_s = strtol(optarg, NULL, 10);
				if (opts.heartbeat_s < 0 || opts.heartbeat_s > 255)
				{
					fprintf(stderr, "rdprepro server: --heartbeat: 1-255 seconds\n");
					return 2;
				}
				break;
			case 'D':
				if (strcmp(optarg, "none") == 0)
					opts.desktop = DESK_NONE;
				else if (strcmp(optarg, "still") == 0)
					opts.desktop = DESK_STILL;
				else if (strcmp(optarg, "ticking") == 0)
					opts.desktop = DESK_TICKING;
				else if (strcmp(optarg, "busy") == 0)
					opts.desktop = DESK_BUSY;
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
	if (!opts.addr || !opts.cert || !opts.key || !opts.sam || optind != argc)
		return usage(stderr);
	if ((opts.desktop == DESK_TICKING || opts.desktop == DESK_BUSY) && opts.desktop_every_ms < 50)
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
	if (!listener->Open(listener, opts.addr, (UINT16)opts.port))
	{
		fprintf(stderr, "rdprepro server: cannot listen on %s:%ld\n", opts.addr, opts.port);
		goto out;
	}
	report(-1, "listening %s %ld", opts.addr, opts.port);
	while (!stopping)
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
		peers_reap();
	}
	ret = 0;
	listener->Close(listener);
	{
		int busy = peers_stop(PEER_EXIT_WAIT_MS);
		if (busy > 0)
			report(-1, "exit with %d peers still busy", busy);
	}
out:
	freerdp_listener_free(listener);
	if (stop_event)
		CloseHandle(stop_event);
	return ret;
}
