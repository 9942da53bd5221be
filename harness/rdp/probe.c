/* probe.c: the lab's headless RDP client: its options, FreeRDP's settings from them, and main.
 * The attempt is in probe_connect.c, the session and the watchdog in probe_session.c, the
 * probes after a failure in probe_after.c; probe_internal.h holds what they share. */
#include "probe.h"
#include "probe_internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <freerdp/client/cmdline.h>
#include <freerdp/error.h>
#include <freerdp/primitives.h>
#include <freerdp/version.h>

#include "clientargs.h"
#include "wlog.h"

/* ---- main ---- */

static int usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro probe --host H [--port P] --user U --password-file F --out FILE\n"
	        "                      [--deadline DUR] [--hold DUR] [--connect-timeout DUR]\n"
	        "                      [--no-recheck] [--cert-pin PEM] [--announce mstsc|freerdp]\n"
	        "                      [--session DUR [--activity idle|input|refresh --every DUR]]\n"
	        "                      [-- FREERDP-ARGS...]\n"
	        "  --announce: the Client Core Data's early capabilities: mstsc's (the default: it\n"
	        "  announces the errorInfo PDU) or FreeRDP 3.10's own (it does not).\n"
	        "  The lab's headless client (run by `rdprepro run` in the client namespace).\n"
	        "  FREERDP-ARGS use xfreerdp's syntax (/sec:nla, /cert:ignore, /timeout:N).\n"
	        "  --session: keep the active session DUR, doing what a user does: nothing (idle),\n"
	        "  a mouse move (input) or a refresh request of the whole desktop, every DUR.\n"
	        "  DUR: 250ms, 3s, 1.5s. After a failure the probe makes a second connection and\n"
	        "  sends an X.224 Connection Request (2 s each) unless --no-recheck.\n");
	return f == stderr ? 2 : 0;
}

static bool read_password(const char* path, char* buf, size_t n, struct rp_err* err)
{
	FILE* f = fopen(path, "r");

	if (!f)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	if (!fgets(buf, (int)n, f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	if (!buf[0])
		return rp_fail(err, "%s: empty password file", path);
	return true;
}

/* What parse_opts checks once every option is read: those required, those that need others,
 * and the FreeRDP arguments after them. */
static int finish_opts(int argc, char** argv, struct probe_opts* o)
{
	if (!o->host || !o->user || !o->password_file || !o->out)
		return usage(stderr);
	if (o->activity != RP_ACTIVITY_IDLE && (!o->session_ms || o->every_ms < 50))
	{
		fprintf(stderr, "rdprepro probe: --activity %s needs --session and --every of 50ms or "
		                "more\n", rp_activity_name(o->activity));
		return 2;
	}
	o->n_extra = argc - optind;
	o->extra = argv + optind;
	{
		/* FreeRDP's parser loads modules and writes files when told to: only the options of
		 * the scenario format's allow-list reach it (clientargs.h), as `run` checks them. */
		struct rp_err refused;
		if (!rp_client_argv_check((const char* const*)o->extra, o->n_extra, &refused))
		{
			fprintf(stderr, "rdprepro probe: %s\n", refused.msg);
			return 2;
		}
	}
	return 0;
}

static int parse_opts(int argc, char** argv, struct probe_opts* o)
{
	static const struct option lo[] = {
		{ "host", required_argument, NULL, 'H' },
		{ "port", required_argument, NULL, 'P' },
		{ "user", required_argument, NULL, 'u' },
		{ "password-file", required_argument, NULL, 'w' },
		{ "out", required_argument, NULL, 'o' },
		{ "deadline", required_argument, NULL, 'd' },
		{ "hold", required_argument, NULL, 'l' },
		{ "connect-timeout", required_argument, NULL, 't' },
		{ "no-recheck", no_argument, NULL, 'N' },
		{ "announce", required_argument, NULL, 'A' },
		{ "cert-pin", required_argument, NULL, 'C' },
		{ "session", required_argument, NULL, 'S' },
		{ "activity", required_argument, NULL, 'a' },
		{ "every", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	char* end;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+h", lo, NULL)) != -1)
	{
		switch (c)
		{
			case 'H':
				o->host = optarg;
				break;
			case 'P':
				errno = 0;
				o->port = strtol(optarg, &end, 10);
				if (errno || *end || o->port < 1 || o->port > 65535)
				{
					fprintf(stderr, "rdprepro probe: --port: bad port \"%s\"\n", optarg);
					return 2;
				}
				break;
			case 'u':
				o->user = optarg;
				break;
			case 'w':
				o->password_file = optarg;
				break;
			case 'o':
				o->out = optarg;
				break;
			case 'a':
			{
				int k = 0;
				while (k < RP_ACTIVITY_COUNT && strcmp(optarg, rp_activity_name((enum rp_activity)k)))
					k++;
				if (k == RP_ACTIVITY_COUNT)
				{
					fprintf(stderr,
					        "rdprepro probe: --activity: idle, input or refresh, not \"%s\"\n",
					        optarg);
					return 2;
				}
				o->activity = (enum rp_activity)k;
				break;
			}
			case 'd':
			case 'l':
			case 't':
			case 'S':
			case 'e':
			{
				uint32_t* dst = c == 'd'   ? &o->deadline_ms
				                : c == 'l' ? &o->hold_ms
				                : c == 'S' ? &o->session_ms
				                : c == 'e' ? &o->every_ms
				                           : &o->connect_timeout_ms;
				if (!rp_parse_duration_ms(optarg, dst))
				{
					fprintf(stderr, "rdprepro probe: bad duration \"%s\" (e.g. 250ms, 3s)\n",
					        optarg);
					return 2;
				}
				break;
			}
			case 'N':
				o->recheck = false;
				break;
			case 'A':
				if (strcmp(optarg, "mstsc") != 0 && strcmp(optarg, "freerdp") != 0)
				{
					fprintf(stderr, "rdprepro probe: --announce: mstsc or freerdp, not \"%s\"\n",
					        optarg);
					return 2;
				}
				o->announce_freerdp = strcmp(optarg, "freerdp") == 0;
				break;
			case 'C':
				o->cert_pin = optarg;
				break;
			case 'h':
				return usage(stdout) - 1; /* -1: printed help */
			default:
				return usage(stderr);
		}
	}
	return finish_opts(argc, argv, o);
}

static bool probe_settings(struct probe* p, const struct probe_opts* o, struct rp_err* err)
{
	rdpSettings* settings = p->common.context.settings;
	char password[128];
	char v[300], u[160], pw[160];
	char* av[80];
	int ac = 0;
	int rc;

	if (!read_password(o->password_file, password, sizeof(password), err))
		return false;
	snprintf(v, sizeof(v), "/v:%s:%ld", o->host, o->port);
	snprintf(u, sizeof(u), "/u:%s", o->user);
	snprintf(pw, sizeof(pw), "/p:%s", password);
	av[ac++] = "rdprepro-probe";
	av[ac++] = v;
	av[ac++] = u;
	av[ac++] = pw;
	for (int i = 0; i < o->n_extra && ac < 79; i++)
		av[ac++] = o->extra[i];
	av[ac] = NULL;
	rc = freerdp_client_settings_parse_command_line(settings, ac, av, FALSE);
	memset(password, 0, sizeof(password));
	memset(pw, 0, sizeof(pw));
	if (rc != 0)
		return rp_fail(err, "FreeRDP rejected the client arguments (status %d)", rc);
	if (o->cert_pin)
	{
		FILE* f = fopen(o->cert_pin, "r");
		size_t cap = 0;
		if (!f)
			return rp_fail(err, "%s: %s", o->cert_pin, strerror(errno));
		if (getdelim(&p->pin, &cap, '\0', f) < 0)
		{
			fclose(f);
			return rp_fail(err, "%s: empty", o->cert_pin);
		}
		fclose(f);
		/* The callbacks then get the certificate as PEM, to compare with the pin. */
		if (!freerdp_settings_set_bool(settings, FreeRDP_CertificateCallbackPreferPEM, TRUE))
			return rp_fail(err, "cannot set CertificateCallbackPreferPEM");
	}
	if (o->connect_timeout_ms &&
	    !freerdp_settings_set_uint32(settings, FreeRDP_TcpConnectTimeout, o->connect_timeout_ms))
		return rp_fail(err, "cannot set TcpConnectTimeout");
	/* mstsc sets RNS_UD_CS_SUPPORT_ERRINFO_PDU in its Client Core Data; FreeRDP 3.10's client
	 * does not (SupportErrorInfoPdu defaults to ServerMode, libfreerdp/core/settings.c), and a
	 * server sends the Set Error Info PDU only to clients that announced it (MS-RDPBCGR
	 * 2.2.5.1.1). The probe stands for mstsc unless told otherwise. */
	if (!freerdp_settings_set_bool(settings, FreeRDP_SupportErrorInfoPdu, !o->announce_freerdp))
		return rp_fail(err, "cannot set SupportErrorInfoPdu");
	return true;
}

/* The probe's record from its options, and its lock and condition (the watchdog's). */
static void probe_init(struct probe* p, const struct probe_opts* o)
{
	rp_evidence_init(&p->ev);
	p->fd = -1;
	p->ttl.fd = -1;
	p->last_state = (CONNECTION_STATE)-1;
	pthread_mutex_init(&p->lock, NULL);
	{
		pthread_condattr_t ca;
		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&p->cond, &ca);
		pthread_condattr_destroy(&ca);
	}
	snprintf(p->ev.target, sizeof(p->ev.target), "%s:%ld", o->host, o->port);
	rp_strlcpy(p->ev.freerdp_version, freerdp_get_version_string(), sizeof(p->ev.freerdp_version));
	p->ev.deadline_ms = o->deadline_ms;
	p->ev.hold_ms = o->hold_ms;
	p->ev.session.want_ms = o->session_ms;
	p->ev.session.activity = o->activity;
	p->ev.session.every_ms = o->activity == RP_ACTIVITY_IDLE ? 0 : o->every_ms;
}

/* A name, not an address: record what it resolves to, as FreeRDP's resolver will see it. */
static void note_resolution(struct probe* p, const char* host)
{
	struct in_addr ip;

	if (inet_pton(AF_INET, host, &ip) != 1)
	{
		struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM };
		struct addrinfo* res = NULL;
		int rc2 = getaddrinfo(host, NULL, &hints, &res);
		p->ev.is_name = true;
		p->ev.gai_error = rc2;
		if (rc2 == 0 && res)
			inet_ntop(AF_INET, &((struct sockaddr_in*)res->ai_addr)->sin_addr, p->ev.resolved,
			          sizeof(p->ev.resolved));
		else
			rp_strlcpy(p->ev.resolved, gai_strerror(rc2), sizeof(p->ev.resolved));
		if (res)
			freeaddrinfo(res);
	}
}

/* The final facts, read before the disconnect can change them. */
static void note_final_facts(struct probe* p, rdpContext* ctx)
{
	UINT32 e = freerdp_get_last_error(ctx);
	UINT32 info = freerdp_error_info(ctx->instance);
	UINT64 in = 0, out = 0, inp = 0, outp = 0;

	p->ev.last_error = e;
	rp_strlcpy(p->ev.last_error_name, e ? freerdp_get_last_error_name(e) : "",
	           sizeof(p->ev.last_error_name));
	rp_strlcpy(p->ev.last_error_string, e ? freerdp_get_last_error_string(e) : "",
	           sizeof(p->ev.last_error_string));
	rp_strlcpy(p->ev.last_error_category, e ? freerdp_get_last_error_category(e) : "",
	           sizeof(p->ev.last_error_category));
	p->ev.error_info = info;
	rp_strlcpy(p->ev.error_info_name, info ? freerdp_get_error_info_name(info) : "",
	           sizeof(p->ev.error_info_name));
	if (ctx->rdp && freerdp_get_stats(ctx->rdp, &in, &out, &inp, &outp))
	{
		p->ev.bytes_in = in;
		p->ev.bytes_out = out;
	}
}

int rp_probe_main(int argc, char** argv)
{
	struct probe_opts o = { .port = 3389, .deadline_ms = 20000, .hold_ms = 500, .recheck = true };
	RDP_CLIENT_ENTRY_POINTS ep = { 0 };
	rdpContext* ctx = NULL;
	struct probe* p = NULL;
	struct rp_err err = { "" };
	pthread_t wd;
	bool wd_started = false;
	int ret = 1;
	int rc;

	rc = parse_opts(argc, argv, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	rp_freerdp_process_setup();

	/* FreeRDP's default (AUTODETECT) benchmarks its codec primitives on first use: about
	 * 300 ms of CPU before the first SYN, measured with perf. The probe decodes next to no
	 * graphics, so the CPU-optimized routines serve without the benchmark. */
	primitives_set_hints(PRIMITIVES_ONLY_CPU);

	ep.Size = sizeof(ep);
	ep.Version = RDP_CLIENT_INTERFACE_VERSION;
	ep.ContextSize = sizeof(struct probe);
	ep.ClientNew = probe_client_new;
	ctx = freerdp_client_context_new(&ep);
	if (!ctx)
	{
		fprintf(stderr, "rdprepro probe: freerdp_client_context_new failed\n");
		return 1;
	}
	p = (struct probe*)ctx;
	probe_init(p, &o);

	if (!probe_settings(p, &o, &err) || !probe_hook_io(p, &err))
	{
		fprintf(stderr, "rdprepro probe: %s\n", err.msg);
		ret = 2;
		goto out;
	}

	note_resolution(p, o.host);
	p->t0 = rp_now_ms();
	p->ev.t0_mono_ms = p->t0;
	p->deadline = p->t0 + o.deadline_ms;
	if (pthread_create(&wd, NULL, probe_watchdog, p) == 0)
		wd_started = true;

	/* The server's address: given, or what the name resolved to. */
	p->ev.ttl_watched = rp_ttlwatch_start(&p->ttl, p->ev.is_name ? p->ev.resolved : o.host,
	                                      (uint16_t)o.port);
	p->ev.connect_returned_true = freerdp_connect(ctx->instance);
	if (p->ev.connect_returned_true)
		probe_pump(p, &o);

	note_final_facts(p, ctx);
	freerdp_disconnect(ctx->instance);
	probe_end_attempt(p);
	p->ev.t_total_ms = since_start(p);
	rp_ttlwatch_stop(&p->ttl);
	for (int i = 0; i < p->ev.n_attempts && p->ev.ttl_watched; i++)
	{
		struct rp_ttl_seen seen;
		struct rp_attempt* a = &p->ev.attempts[i];
		if (a->local_port && rp_ttlwatch_get(&p->ttl, a->local_port, &seen))
		{
			a->ttl_synack = seen.synack_ttl;
			a->ttl_rst = seen.rst_ttl;
			a->ttl_fin = seen.fin_ttl;
		}
		/* A socket in CLOSE with no error read back, or a write that met EPIPE, looked reset;
		 * if its packets were watched and no RST arrived, the server's FIN ended it, or the
		 * kernel's own timer (TCP_USER_TIMEOUT) did. */
		if (a->end == RP_END_RST && a->ttl_synack && !a->ttl_rst && a->sock_errno != ECONNRESET)
			a->end = a->ttl_fin ? RP_END_FIN : (a->sock_errno == EPIPE ? RP_END_ABORT : RP_END_TIMEOUT);
	}
	probe_maybe_recheck(p, &o);

	if (wd_started)
		probe_watchdog_stop(p, wd);
	wd_started = false;

	if (!rp_evidence_write_json(&p->ev, o.out, &err))
	{
		fprintf(stderr, "rdprepro probe: %s\n", err.msg);
		goto out;
	}
	{
		char* s = rp_evidence_summary(&p->ev, "  ");
		fputs(s ? s : "", stdout);
		free(s);
	}
	ret = 0;
out:
	if (wd_started)
		probe_watchdog_stop(p, wd);
	if (p)
		rp_ttlwatch_stop(&p->ttl);
	free(p ? p->pin : NULL);
	freerdp_client_context_free(ctx);
	return ret;
}
