/* fieldlog_dialog.c: the Windows client's dialog (mstsc's Remote Desktop Connection, the
 * Windows App and the Microsoft Remote Desktop apps) as users paste it: Ctrl+C on the dialog
 * copies "[Window Title] ... [Content] ... [Expanded Information] Error code: 0x904 / Extended
 * error code: 0x7" with the labels in the user's language. The codes are the same in every
 * language: the error code is the client's disconnect reason (IMsTscAxEvents::OnDisconnected,
 * learn.microsoft.com/windows/win32/termserv/imstscaxevents-ondisconnected), the extended one
 * the server's errorInfo (ExtendedDisconnectReasonCode, .../termserv/extendeddisconnectreasoncode,
 * which is MS-RDPBCGR 2.2.5.1.1's numbering). So the codes are read by their place (a hex
 * number after a colon, full-width too), whatever the words around them; the few English
 * sentences read besides come from Microsoft's support articles (docs/field-reports.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"

#define C(x) RP_CAUSE_##x
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The disconnect reasons that are a logon's answer (SSL_ERR_*, [OND]), as the FreeRDP last
 * error that says the same; 0x1B07, an expired certificate, is the record's cert_rejected. */
static const struct
{
	unsigned reason;
	const char* name;
	const char* errconnect;
} ssl_errors[] = {
	{ 0x807, "SSL_ERR_LOGON_FAILURE", "ERRCONNECT_LOGON_FAILURE" },
	{ 0xA07, "SSL_ERR_NO_SUCH_USER", "ERRCONNECT_LOGON_FAILURE" },
	{ 0xB07, "SSL_ERR_ACCOUNT_DISABLED", "ERRCONNECT_ACCOUNT_DISABLED" },
	{ 0xC07, "SSL_ERR_ACCOUNT_RESTRICTION", "ERRCONNECT_ACCOUNT_RESTRICTION" },
	{ 0xD07, "SSL_ERR_ACCOUNT_LOCKED_OUT", "ERRCONNECT_ACCOUNT_LOCKED_OUT" },
	{ 0xE07, "SSL_ERR_ACCOUNT_EXPIRED", "ERRCONNECT_ACCOUNT_EXPIRED" },
	{ 0xF07, "SSL_ERR_PASSWORD_EXPIRED", "ERRCONNECT_PASSWORD_EXPIRED" },
	{ 0x1207, "SSL_ERR_PASSWORD_MUST_CHANGE", "ERRCONNECT_PASSWORD_MUST_CHANGE" },
	{ 0x1C07, "SSL_ERR_SMARTCARD_WRONG_PIN", "ERRCONNECT_LOGON_FAILURE" },
	{ 0x2207, "SSL_ERR_SMARTCARD_CARD_BLOCKED", "ERRCONNECT_ACCOUNT_LOCKED_OUT" },
};

/* English sentences of the dialog (Microsoft's support articles: "Remote Desktop can't
 * connect to the remote computer" (SupportArticles-docs remote-desktop-cannot-connect-
 * remote-computer.md), "Troubleshoot specific RDP error messages" (troubleshoot-specific-rdp-
 * errors.md), KB2477176), and "CredSSP", which no translation changes. */
enum said_kind
{
	S_CAUSES,
	S_LOGON_FAILED,
	S_DNS,
	S_LICENSE,
	S_CREDSSP,
};

static const struct
{
	const char* words;
	enum said_kind kind;
	const char* says;
	enum rp_cause causes[4];
	int n;
} sentences[] = {
	{ "for one of these reasons", S_CAUSES,
	  "the dialog's \"can't connect ... for one of these reasons\": remote access not enabled, "
	  "the computer off, or not on the network (no TCP connection was made)",
	  { C(PORT_CLOSED), C(PORT_FILTERED), C(TUNNEL_DROP) }, 3 },
	{ "Your credentials did not work", S_LOGON_FAILED, "the credentials did not work", { 0 }, 0 },
	{ "can't find the computer", S_DNS, "the client could not find the computer by its name",
	  { 0 }, 0 },
	{ "no Remote Desktop License Servers available", S_LICENSE,
	  "no Remote Desktop license server was available", { 0 }, 0 },
	{ "Because of a security error", S_CAUSES,
	  "\"because of a security error\": the security layer or the licensing certificate",
	  { C(SECURITY_MISMATCH), C(LICENSING_FAILURE) }, 2 },
	{ "Local Security Authority cannot be contacted", S_CAUSES,
	  "the Local Security Authority could not be contacted (NLA could not check the "
	  "credentials)",
	  { C(BAD_CREDENTIALS), C(SECURITY_MISMATCH) }, 2 },
	/* SEC_E_UNSUPPORTED_FUNCTION's own text (FormatMessage of 0x80090302), which the dialog
	 * "An authentication error has occurred" prints under it */
	{ "The function requested is not supported", S_CREDSSP,
	  "\"the function requested is not supported\" (SEC_E_UNSUPPORTED_FUNCTION): CredSSP "
	  "could not agree on a version or function", { 0 }, 0 },
	{ "CredSSP", S_CREDSSP,
	  "the dialog names CredSSP (\"encryption oracle remediation\"): the client's and the "
	  "server's CredSSP versions are not allowed to meet",
	  { 0 }, 0 },
};

/* A hex number right after a colon (ASCII or full-width U+FF1A) and blanks: "0x904". */
static const char* code_after_colon(const char* p, const char* line_start)
{
	const char* q = p;

	while (q > line_start && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	if (q > line_start && q[-1] == ':')
		return p;
	if (q - line_start >= 3 && (unsigned char)q[-3] == 0xEF && (unsigned char)q[-2] == 0xBC &&
	    (unsigned char)q[-1] == 0x9A)
		return p;
	return NULL;
}

/* The dialog's codes, in order: up to two ("Error code", "Extended error code"). */
static int read_codes(const char* text, unsigned long* codes, int* lines)
{
	int n = 0, no = 1;
	const char* line = text;

	for (const char* p = text; *p && n < 2; p++)
	{
		if (*p == '\n')
		{
			no++;
			line = p + 1;
			continue;
		}
		if ((p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) && code_after_colon(p, line))
		{
			char* end;
			unsigned long v = strtoul(p + 2, &end, 16);
			if (end > p + 2 && end - (p + 2) <= 8)
			{
				codes[n] = v;
				lines[n++] = no;
				p = end - 1;
			}
		}
	}
	return n;
}

static const char* line_of(const char* text, int no, char* buf, size_t n)
{
	const char* p = text;
	size_t k;

	for (int i = 1; i < no && p; i++)
		p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL;
	if (!p)
		return "";
	k = strcspn(p, "\r\n");
	snprintf(buf, n, "%.*s", (int)(k < n - 1 ? k : n - 1), p);
	return buf;
}

static int count_lines(const char* text)
{
	int n = 0;
	for (const char* p = text; *p; p++)
		n += *p == '\n';
	return n + (text[0] && text[strlen(text) - 1] != '\n');
}

static int line_no_of(const char* text, const char* at)
{
	int no = 1;
	for (const char* p = text; p < at; p++)
		no += *p == '\n';
	return no;
}

static void disc_reason(struct rp_fieldlog* log, unsigned long r, int no, const char* line)
{
	if (r == 0 || r > 0xFFFF)
	{
		/* Not a disconnect reason: the newer clients' own codes (0x3000047, ...). */
		fl_add_fact(log, no, line, "the client's error code 0x%lX, which is no disconnect "
		                           "reason Microsoft documents", r);
		return;
	}
	log->windows_reason = (int)r;
	for (int i = 0; i < N(ssl_errors); i++)
		if (ssl_errors[i].reason == r)
		{
			uint32_t e = rp_last_error_from_name(ssl_errors[i].errconnect);
			if (e != UINT32_MAX && !log->ev.last_error)
				fl_set_last_error(log, e);
			fl_reach(log, RP_PHASE_NLA);
			fl_add_fact(log, no, line, "the Windows client's error code 0x%lX, %s: the logon "
			                           "failed; FreeRDP says %s", r, ssl_errors[i].name,
			            ssl_errors[i].errconnect);
			return;
		}
	if (r == 0x1B07) /* SSL_ERR_CERT_EXPIRED */
	{
		log->ev.cert_rejected = true;
		fl_reach(log, RP_PHASE_TLS);
	}
	else if (r == 0x1607 || r == 0x1707) /* SSL_ERR_DELEGATION_POLICY, _POLICY_NTLM_ONLY */
		log->credssp_mismatch = true;
	else if (r == 0x1807) /* SSL_ERR_NO_AUTHENTICATING_AUTHORITY */
		log->no_authority = true;
	fl_add_fact(log, no, line, "the Windows client's error code 0x%lX (%lu), its disconnect "
	                           "reason", r, r);
}

bool fl_parse_dialog(struct rp_fieldlog* log, const char* text)
{
	unsigned long codes[2];
	int lines[2], n;
	bool copied = strstr(text, "[Window Title]") && (strstr(text, "[Content]") ||
	                                                  strstr(text, "[Expanded Information]"));
	bool said = false;
	char buf[160];

	if (log->family[0] || strstr(text, "[ERROR]") || strstr(text, "com.freerdp"))
		return false; /* a client's log that quotes a dialog's words is that client's */
	n = read_codes(text, codes, lines);
	for (int i = 0; i < N(sentences); i++)
		said = said || (strcmp(sentences[i].words, "CredSSP") != 0 && strstr(text, sentences[i].words));
	/* "CredSSP" alone makes a dialog of a short text only (the dialog in another language,
	 * pasted): a log says it in passing. */
	if (!said && strstr(text, "CredSSP") && count_lines(text) <= 4 && !strchr(text, '['))
		said = true;
	if (!copied && !said && !(n >= 1 && strcasestr(text, "error code")))
		return false;
	log->kind = RP_LOG_WINDOWS_DIALOG;
	rp_strlcpy(log->family, strstr(text, "remote PC") ? "Windows App" : "mstsc",
	           sizeof(log->family));
	log->attempted = true;
	if (n >= 1)
		disc_reason(log, codes[0], lines[0], line_of(text, lines[0], buf, sizeof(buf)));
	if (n >= 2 && codes[1])
	{
		uint32_t e = (uint32_t)codes[1];
		const char* nm = rp_errinfo_name(e);
		log->ev.error_info = e;
		rp_strlcpy(log->ev.error_info_name, nm ? nm : "", sizeof(log->ev.error_info_name));
		fl_add_fact(log, lines[1], line_of(text, lines[1], buf, sizeof(buf)),
		            "the extended error code 0x%X: the server's errorInfo %s", e,
		            nm ? nm : "(unnamed)");
	}
	for (int i = 0; i < N(sentences); i++)
	{
		const char* at = strstr(text, sentences[i].words);
		int no;

		if (!at)
			continue;
		no = line_no_of(text, at);
		line_of(text, no, buf, sizeof(buf));
		switch (sentences[i].kind)
		{
			case S_CAUSES:
				fl_said(log, no, buf, sentences[i].says, sentences[i].causes, sentences[i].n);
				continue;
			case S_LOGON_FAILED:
				if (!log->ev.last_error)
					fl_set_last_error(log, rp_last_error_from_name("ERRCONNECT_LOGON_FAILURE"));
				break;
			case S_DNS:
				if (!log->ev.last_error)
					fl_set_last_error(log, rp_last_error_from_name("ERRCONNECT_DNS_NAME_NOT_FOUND"));
				break;
			case S_LICENSE:
				rp_strlcpy(log->license_error, "no license server", sizeof(log->license_error));
				fl_reach(log, RP_PHASE_LICENSING);
				break;
			case S_CREDSSP:
				log->credssp_mismatch = true;
				fl_reach(log, RP_PHASE_NLA);
				break;
		}
		fl_add_fact(log, no, buf, "%s", sentences[i].says);
	}
	log->n_lines = count_lines(text);
	return true;
}
