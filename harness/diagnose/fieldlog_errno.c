/* fieldlog_errno.c: a system error a log reports by number ("BIO_read returned a system error
 * 104: ..."), read on the platform it came from. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fieldlog.h"
#include "fieldlog_internal.h"

/* ---- errno on every platform ----
 * The number alone is ambiguous (60 is ETIMEDOUT on macOS, ENOSTR on Linux): the text that
 * follows it decides, then the platform the log shows, then Linux. Linux's texts come from
 * glibc's own strerror; the others are the few socket errors a connection meets. */
static const struct
{
	int number;
	int platform;
	const char* text;
	int linux_errno; /* what it means, in Linux's numbers; -1: a name lookup failure */
} other_errnos[] = {
	{ 60, RP_PLAT_BSD, "Operation timed out", ETIMEDOUT },
	{ 61, RP_PLAT_BSD, "Connection refused", ECONNREFUSED },
	{ 54, RP_PLAT_BSD, "Connection reset by peer", ECONNRESET },
	{ 53, RP_PLAT_BSD, "Software caused connection abort", ECONNABORTED },
	{ 32, RP_PLAT_BSD, "Broken pipe", EPIPE },
	{ 50, RP_PLAT_BSD, "Network is down", ENETDOWN },
	{ 51, RP_PLAT_BSD, "Network is unreachable", ENETUNREACH },
	{ 64, RP_PLAT_BSD, "Host is down", EHOSTDOWN },
	{ 65, RP_PLAT_BSD, "No route to host", EHOSTUNREACH },
	{ 10060, RP_PLAT_WINDOWS, "connected party did not properly respond", ETIMEDOUT },
	{ 10061, RP_PLAT_WINDOWS, "actively refused", ECONNREFUSED },
	{ 10054, RP_PLAT_WINDOWS, "forcibly closed by the remote host", ECONNRESET },
	{ 10053, RP_PLAT_WINDOWS, "aborted by the software in your host", ECONNABORTED },
	{ 10050, RP_PLAT_WINDOWS, "network is down", ENETDOWN },
	{ 10051, RP_PLAT_WINDOWS, "unreachable network", ENETUNREACH },
	{ 10065, RP_PLAT_WINDOWS, "unreachable host", EHOSTUNREACH },
	{ 11001, RP_PLAT_WINDOWS, "No such host is known", -1 },
	{ 11004, RP_PLAT_WINDOWS, "requested name is valid", -1 },
};

static const char* const plat_names[] = { "", "Linux", "macOS/BSD", "Windows" };

void fl_system_error(struct rp_fieldlog* log, int no, const char* line, const char* num)
{
	char* end;
	long e = strtol(num, &end, 10);
	const char* text = end;
	int linux_e = -2, plat = RP_PLAT_UNKNOWN;

	if (e <= 0 || e > 20000)
		return; /* an errno, not any number */
	while (*text == ':' || *text == ' ' || *text == '(')
		text++;
	/* 1. the text */
	for (size_t i = 0; i < sizeof(other_errnos) / sizeof(other_errnos[0]) && linux_e == -2; i++)
		if (*text && strncasecmp(text, other_errnos[i].text, strlen(other_errnos[i].text)) == 0 &&
		    other_errnos[i].number == e)
		{
			linux_e = other_errnos[i].linux_errno;
			plat = other_errnos[i].platform;
		}
	if (linux_e == -2 && *text && e < 200)
	{
		const char* lt = strerror((int)e);
		if (strncmp(text, lt, strlen(lt)) == 0)
		{
			linux_e = (int)e;
			plat = RP_PLAT_LINUX;
		}
	}
	/* 2. the number, on the platform the log shows (or a WSA number, which is unambiguous) */
	for (size_t i = 0; i < sizeof(other_errnos) / sizeof(other_errnos[0]) && linux_e == -2; i++)
		if (other_errnos[i].number == e &&
		    (e >= 10000 || other_errnos[i].platform == (int)log->platform))
		{
			linux_e = other_errnos[i].linux_errno;
			plat = other_errnos[i].platform;
		}
	/* 3. Linux */
	if (linux_e == -2 && e < 200)
	{
		linux_e = (int)e;
		plat = log->platform ? (int)log->platform : RP_PLAT_LINUX;
	}
	if (linux_e == -2)
		return;
	if (linux_e == -1)
	{
		if (!log->ev.last_error)
			log->ev.last_error = 0x00020005; /* ERRCONNECT_DNS_NAME_NOT_FOUND */
		fl_add_fact(log, no, line, "a system error %ld (%s): the name did not resolve", e,
		            plat_names[plat]);
		return;
	}
	log->errno_seen = linux_e;
	fl_add_fact(log, no, line, "a system error %ld on %s: %s (%s)", e, plat_names[plat],
	            strerrorname_np(linux_e) ? strerrorname_np(linux_e) : "?", strerror(linux_e));
}
