/* fieldlog_i18n.c: a connection manager's messages in the languages it ships, from its own
 * translation files: Remmina's po/ (FreeRDP/Remmina bb33690, 38fc829e = v1.4.2, 88fcce0d =
 * v1.3.6; zh_CN, ja, de, fr, es, ru, it, pt_BR, ko), each msgstr with the FreeRDP code its msgid
 * is shown for (plugins/rdp/rdp_plugin.c's switch on freerdp_get_last_error(), the same table as
 * fieldlog_frontends.c's English one). A fuzzy entry is left out: gettext shows the English
 * msgid for it. A message is read by its fixed parts (the text between %s, %d and its line
 * break, quotes and blanks trimmed), in order, on one line or across two (a dialog pasted as
 * it shows, its reason on a line of its own). */
#include <stdio.h>
#include <string.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"

enum tr_kind
{
	TR_ERROR,     /* FreeRDP's last error, by name */
	TR_ERRINFO,   /* the server's errorInfo */
	TR_GATEWAY,   /* the RD Gateway's policy refusal, E_PROXY_NAP_ACCESSDENIED */
	TR_H264,      /* Remmina refused its own settings: H.264 its libfreerdp lacks */
	TR_FAILED,    /* the default case: a code Remmina does not name */
	TR_CONNECTED, /* the session came up */
	TR_ENDED,     /* the session ended (at every end, the user's too) */
	TR_RECONNECT, /* auto-reconnect after the session's connection dropped */
};

#include "fieldlog_i18n_remmina.h"

#define N_PO (sizeof(remmina_po) / sizeof(remmina_po[0]))

/* The bytes trimmed around a fixed part: blanks, and the quotes and full stops translators
 * use (\u201c \u201d \u201e \u00ab \u00bb \u2018 \u2019 \u300c \u300d, \u3002, no-break spaces). */
static size_t trim_len(const char* p, size_t n, bool front)
{
	static const char* const marks[] = { "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb",
		                                 "\u2018", "\u2019", "\u300c", "\u300d", "\u3002",
		                                 "\u00a0", "\u202f", "\u2026", " ", "\t", "\"", "'",
		                                 ".", ":" };
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
	{
		size_t m = strlen(marks[i]);
		if (m <= n && memcmp(front ? p : p + n - m, marks[i], m) == 0)
			return m;
	}
	return 0;
}

/* Each row's fixed parts (its text between %s, %d and its line break, quotes and blanks
 * trimmed), cut once: a part is where it starts in the row and how long it is. */
#define PO_PARTS 8
static struct
{
	const char* at[PO_PARTS];
	size_t len[PO_PARTS];
	int n;
	size_t fixed;  /* their bytes in all */
	size_t total;  /* the row's length: the longest row that matches wins */
	bool two;      /* a message of two lines */
} po_cut[N_PO];
static bool po_cut_done;

static void po_cut_rows(void)
{
	for (size_t i = 0; i < N_PO; i++)
	{
		const char* fmt = remmina_po[i].text;
		po_cut[i].total = strlen(fmt);
		po_cut[i].two = strchr(fmt, '\n') != NULL;
		while (*fmt)
		{
			size_t n = 0, t;
			while (fmt[n] && fmt[n] != '\n' &&
			       !(fmt[n] == '%' && (fmt[n + 1] == 's' || fmt[n + 1] == 'd')))
				n++;
			const char* p = fmt;
			size_t len = n;
			while (len && (t = trim_len(p, len, true)))
				p += t, len -= t;
			while (len && (t = trim_len(p, len, false)))
				len -= t;
			fmt += n;
			fmt += *fmt == '\n' ? 1 : *fmt == '%' ? 2 : 0;
			if (len && po_cut[i].n < PO_PARTS)
			{
				po_cut[i].at[po_cut[i].n] = p;
				po_cut[i].len[po_cut[i].n++] = len;
				po_cut[i].fixed += len;
			}
		}
	}
	po_cut_done = true;
}

/* Whether every fixed part of row i occurs in text, in order; false if the row has fewer than
 * 6 bytes of them (too little to tell one message from another). */
static bool po_match(size_t i, const char* text)
{
	const char* at = text;

	if (po_cut[i].fixed < 6)
		return false;
	for (int k = 0; k < po_cut[i].n; k++)
	{
		char part[512];
		const char* hit;
		if (po_cut[i].len[k] >= sizeof(part))
			return false;
		memcpy(part, po_cut[i].at[k], po_cut[i].len[k]);
		part[po_cut[i].len[k]] = '\0';
		if (!(hit = strstr(at, part)))
			return false;
		at = hit + po_cut[i].len[k];
	}
	return true;
}

/* The longest row whose parts the text holds: a message whose text starts another's is not
 * read as that other one. */
static int po_find(const char* text, bool two_lines)
{
	int best = -1;
	size_t best_len = 0;

	if (!po_cut_done)
		po_cut_rows();
	for (size_t i = 0; i < N_PO; i++)
	{
		if (po_cut[i].two != two_lines || po_cut[i].total <= best_len)
			continue;
		if (po_match(i, text))
			best = (int)i, best_len = po_cut[i].total;
	}
	return best;
}

static void po_fact(struct rp_fieldlog* log, int no, const char* line, int i)
{
	const char* lang = remmina_po[i].lang;

	log->attempted = true;
	switch (remmina_po[i].kind)
	{
	case TR_ERROR:
		fl_set_error_name(log, remmina_po[i].errname);
		if (strcmp(remmina_po[i].errname, "ERRCONNECT_CONNECT_FAILED") == 0)
			log->connect_errno_unsaid = true;
		fl_add_fact(log, no, line, "FreeRDP's %s, in Remmina's words (%s)", remmina_po[i].errname,
		            lang);
		break;
	case TR_ERRINFO:
		if (!log->ev.error_info)
			fl_set_errinfo(log, remmina_po[i].errinfo);
		fl_add_fact(log, no, line, "the server's errorInfo 0x%X (%s), in Remmina's words (%s)",
		            remmina_po[i].errinfo, rp_errinfo_name(remmina_po[i].errinfo), lang);
		break;
	case TR_GATEWAY:
		rp_strlcpy(log->gateway_error, "E_PROXY_NAP_ACCESSDENIED", sizeof(log->gateway_error));
		log->gateway = true;
		fl_add_fact(log, no, line, "the RD Gateway denied the user by its policy (Remmina's "
		                           "words, %s)", lang);
		break;
	case TR_H264:
	{
		static const enum rp_cause c[] = { RP_CAUSE_NOT_ATTEMPTED };
		fl_said(log, no, line, "Remmina refused its own settings: an H.264 mode its libfreerdp "
		                       "lacks", c, 1);
		break;
	}
	case TR_FAILED:
		fl_add_fact(log, no, line, "Remmina's catch-all message (%s): the connection failed with "
		                           "a FreeRDP code it does not name (its stdout's \"libfreerdp "
		                           "returned code is\" line names it)", lang);
		break;
	case TR_CONNECTED:
		fl_reach(log, RP_PHASE_ACTIVE);
		fl_add_fact(log, no, line, "the session came up (Remmina's words, %s)", lang);
		break;
	case TR_ENDED:
		fl_add_fact(log, no, line, "the session ended (Remmina's words, %s): it says so at "
		                           "every end, the user's too", lang);
		break;
	case TR_RECONNECT:
		fl_reach(log, RP_PHASE_ACTIVE);
		log->session_lost = true;
		fl_add_fact(log, no, line, "the session's connection dropped: Remmina reconnects (%s)",
		            lang);
		break;
	}
}

bool fl_translated_line(struct rp_fieldlog* log, int no, const char* line)
{
	char two[2 * sizeof(log->prev_line) + 2];
	int i = po_find(line, false);

	if (i < 0 && log->prev_line[0])
	{
		/* A message of two lines: its first on the line before. */
		snprintf(two, sizeof(two), "%s\n%s", log->prev_line, line);
		i = po_find(two, true);
	}
	if (i < 0)
		i = po_find(line, true); /* both on one line: a paste that joined them */
	if (i < 0)
		return false;
	po_fact(log, no, line, i);
	return true;
}

/* ---- Apache Guacamole's web client: the dialog when a connection fails, in its sixteen
 * languages (apache/guacamole-client 5be18be, guacamole/src/main/frontend/src/translations/
 * *.json, and their earlier values). The dialog shows a sentence picked by the Guacamole status
 * code alone (guacClientNotification.js:216-276), never guacd's message: CLIENT.ERROR_CLIENT_xxx
 * when guacd sent it (every RDP failure arrives so, after the handshake), ERROR_TUNNEL_xxx when
 * the tunnel between the browser, the web application and guacd failed. Each text by its first
 * sentence; one a language shares between two codes is left out, one it shares between the two
 * paths of a code is either's. ---- */
enum gw_path
{
	GW_CLIENT,
	GW_TUNNEL,
	GW_EITHER,
};

#include "fieldlog_i18n_guacamole.h"

/* What guacd sends each status for (apache/guacamole-server 6719b20, src/protocols/rdp/
 * error.c, rdp.c): the causes of the RDP events behind it. */
static void guac_status(struct rp_fieldlog* log, int no, const char* line, unsigned code,
                        enum gw_path path)
{
	static const struct
	{
		unsigned code;
		const char* says;
		uint32_t errinfo;
		enum rp_cause causes[8];
		int n;
	} statuses[] = {
		{ 0x207, "the remote desktop server could not be reached: a name, a connection, TLS or a "
		         "certificate, the transport failed (0x0207, UPSTREAM_NOT_FOUND)", 0,
		  { RP_CAUSE_PORT_CLOSED, RP_CAUSE_PORT_FILTERED, RP_CAUSE_TUNNEL_DROP, RP_CAUSE_DNS_FAILURE,
		    RP_CAUSE_CERTIFICATE_REJECTED, RP_CAUSE_SECURITY_MISMATCH, RP_CAUSE_FIREWALL_RESET,
		    RP_CAUSE_SERVER_HUNG }, 8 },
		{ 0x208, "the server refused the connection, or the session's connection dropped (0x0208, "
		         "UPSTREAM_UNAVAILABLE)", 0,
		  { RP_CAUSE_SERVER_DENIED, RP_CAUSE_SERVER_OVERLOADED, RP_CAUSE_TUNNEL_DROP,
		    RP_CAUSE_SERVER_FAULT }, 4 },
		{ 0x209, "another connection took the session (0x0209, SESSION_CONFLICT)", 0x5, { 0 }, 0 },
		{ 0x20A, "the session's idle time limit (0x020A, SESSION_TIMEOUT)", 0x3, { 0 }, 0 },
		{ 0x20B, "the server ended the session (0x020B, SESSION_CLOSED)", 0,
		  { RP_CAUSE_SERVER_ENDED_SESSION }, 1 },
		{ 0x301, "the logon failed, or the security negotiation did (0x0301, CLIENT_UNAUTHORIZED)", 0,
		  { RP_CAUSE_BAD_CREDENTIALS, RP_CAUSE_SECURITY_MISMATCH }, 2 },
		{ 0x303, "the account may not log on: expired, disabled, locked, restricted, without the "
		         "right (0x0303, CLIENT_FORBIDDEN)", 0,
		  { RP_CAUSE_BAD_CREDENTIALS, RP_CAUSE_SERVER_DENIED }, 2 },
		{ 0x203, "any other RDP failure: licensing, the broker, a protocol error (0x0203, "
		         "UPSTREAM_ERROR)", 0,
		  { RP_CAUSE_LICENSING_FAILURE, RP_CAUSE_BROKER_FAILURE, RP_CAUSE_SERVER_FAULT,
		    RP_CAUSE_SECURITY_MISMATCH }, 4 },
	};

	log->attempted = true;
	if (path == GW_TUNNEL && code != 0x301 && code != 0x303)
	{
		/* the browser, the web application and guacd: no RDP connection was made from there */
		log->proxy_unreached = true;
		fl_add_fact(log, no, line, "Guacamole's tunnel failed (status 0x%04X): the web "
		                           "application or guacd could not be reached", code);
		return;
	}
	for (size_t i = 0; path == GW_CLIENT && i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (statuses[i].code == code)
		{
			char what[200];
			snprintf(what, sizeof(what), "Guacamole's dialog: %s", statuses[i].says);
			if (statuses[i].errinfo)
			{
				if (!log->ev.error_info)
					fl_set_errinfo(log, statuses[i].errinfo);
				fl_add_fact(log, no, line, "%s", what);
			}
			else
				fl_said(log, no, line, what, statuses[i].causes, statuses[i].n);
			return;
		}
	fl_add_fact(log, no, line, "Guacamole's dialog for status 0x%04X, which names no RDP event of "
	                           "its own", code);
}


bool fl_guacamole_dialog_line(struct rp_fieldlog* log, int no, const char* line)
{
	int best = -1, best_lion = -1;
	size_t len = 0;

	for (size_t i = 0; i < sizeof(guac_web) / sizeof(guac_web[0]); i++)
		if (strlen(guac_web[i].text) > len && strstr(line, guac_web[i].text))
			best = (int)i, len = strlen(guac_web[i].text);
	for (size_t i = 0; i < sizeof(lion) / sizeof(lion[0]); i++)
		if (strlen(lion[i].text) > len && strstr(line, lion[i].text))
			best_lion = (int)i, best = -1, len = strlen(lion[i].text);
	if (best >= 0)
	{
		guac_status(log, no, line, guac_web[best].code, guac_web[best].path);
		return true;
	}
	if (best_lion < 0)
		return false;
	if (lion[best_lion].guacd)
		return fl_guacd_message(log, no, line, lion[best_lion].guacd, "JumpServer Lion's");
	guac_status(log, no, line, lion[best_lion].code, GW_CLIENT);
	return true;
}
