/* fieldlog.h: evidence from the field: a FreeRDP client log (2.x or 3.x, any level), a
 * Windows RDP client event (TerminalServices-RDPClient/Operational, text or XML), or a lab
 * evidence.json. Each fact keeps the line it came from. */
#ifndef RDPREPRO_FIELDLOG_H
#define RDPREPRO_FIELDLOG_H

#include <stdbool.h>

#include "evidence.h"
#include "logtext.h"
#include "util.h"
#include "verdict.h"

enum rp_log_kind
{
	RP_LOG_UNKNOWN = 0,
	RP_LOG_FREERDP,
	RP_LOG_WINDOWS_EVENT,
	RP_LOG_EVIDENCE_JSON,
	RP_LOG_WINDOWS_DIALOG, /* the Windows client's dialog, as Ctrl+C copies it or typed out */
};

#define RP_MAX_FACTS 24

struct rp_fact
{
	int line;
	char fact[120];
	char text[160]; /* the line, shortened */
};

struct rp_fieldlog
{
	enum rp_log_kind kind;
	int freerdp_major; /* 2 or 3 when the log says, else 0 */
	int n_lines;
	struct rp_evidence ev; /* what the log holds, in the record's terms */
	bool has_phase;        /* the log names a phase (states at debug level, or hints) */
	int errno_seen;        /* a system error the log reports (BIO_read ..., "Connection refused") */
	int windows_reason;    /* discReason of a Windows event, 0 if none */
	/* The session was up and the connection dropped: FreeRDP's client loop logs "Network
	 * disconnect!" (client_auto_reconnect_ex) only for a connection that was connected, and
	 * "Attempting reconnect (N of M)" for each auto-reconnect try. */
	bool session_lost;
	bool client_ended; /* ERRCONNECT_CONNECT_CANCELLED once active */
	int reconnects;
	bool reconnect_gave_up;
	/* Seconds from a step's start to its failure, from WLog's "[HH:MM:SS:mmm]" stamps (whole
	 * seconds: LAB-NOTES found the milliseconds unreliable); -1 if the log does not say. */
	int tls_fail_after_s;
	int connect_fail_after_s;
	int t_tls_start, t_connect_start; /* seconds of the day, -1 unseen */
	/* What the text was wrapped in (rp_logtext_describe), "" for plain lines. */
	char wrappers[200];
	/* Lines that look like an error ("ERROR", "failed", "denied", ...) and gave no fact:
	 * how many, and the first of them. */
	int n_unread;
	int unread_line;
	char unread_text[160];
	/* Licensing: FreeRDP's "license connection sequence aborted." (a licensing error PDU with
	 * ST_TOTAL_ABORT), and the error alert's dwErrorCode when the log prints it (debug). */
	bool license_abort;
	char license_error[48];
	/* The client stopped at its command line ("Failed at index 2 [/foo]: Unexpected
	 * keyword", its usage text) ... */
	bool usage_error;
	/* ... and whether it took any connection step (a connect, a state, an ERRCONNECT). */
	bool attempted;
	bool tcp_connect_failed; /* 2.x's "failed to connect to HOST" */
	/* A certificate prompt or host-key warning, and whether the connection went on past it. */
	bool cert_prompt;
	/* RD Gateway: an HTTP status other than 200/101 from the gateway, a TSG/RPC error name. */
	int http_status;
	char gateway_error[64];
	bool gateway;
	bool nego_code;    /* the server's negotiation failure code (HYBRID_REQUIRED_BY_SERVER, ...) */
	bool nla_failed;   /* 1.x/2.0's "Authentication failure, check credentials." */
	bool auth_only_ok; /* "Authentication only, exit status 0" */
	char tls_alert[48]; /* a TLS alert the server sent, as FreeRDP names it */
	/* The platform an errno number belongs to, when the log says (errno numbers differ). */
	enum
	{
		RP_PLAT_UNKNOWN = 0,
		RP_PLAT_LINUX,
		RP_PLAT_BSD, /* macOS, FreeBSD */
		RP_PLAT_WINDOWS,
	} platform;
	/* Windows events: whether the session came up (1027, 1401, LocalSessionManager 21/22/25,
	 * 4624 type 10), a 226 SSL state error's code. */
	bool win_connected;
	unsigned win_ssl_error;
	bool win_rds_denied; /* Security 4825: denied access to Remote Desktop */
	bool win_local_network_lost; /* 1006 */
	bool win_protocol_error; /* TermDD: the server saw an error in the protocol stream */
	unsigned win_logon_status; /* a failed RDP logon's status no credential code explains */
	/* The client or service whose words the text holds, as its own marks name it
	 * ("rdesktop", "IronRDP", "guacd", "mstsc", ...; fieldlog_clients.c): "" for FreeRDP's
	 * own lines and for Windows events. */
	char family[32];
	/* SSPI's SEC_E_UNSUPPORTED_FUNCTION and its kin, Windows' "CredSSP encryption oracle
	 * remediation": the two sides' CredSSP or TLS have no version in common. */
	bool credssp_mismatch;
	bool no_authority; /* SEC_E_NO_AUTHENTICATING_AUTHORITY: no domain controller reached */
	/* A web front end could not reach its RDP proxy (Guacamole's web app and guacd): no RDP
	 * connection was made from there. */
	bool proxy_unreached;
	/* The dynamic loader could not load the client's RDP code (a plugin, libfreerdp):
	 * glibc's dlerror() "cannot open shared object file", "undefined symbol". */
	bool code_not_loaded;
	/* The client crashed: a fatal signal, a sanitizer's or glibc's heap check, a crash report
	 * (fieldlog_codes.c); what it says is the crash's text. */
	bool client_crashed;
	char crash[64];
	/* A channel of the client's failed and FreeRDP ended the session for it (freerdp.c
	 * checkChannelErrorEvent: "<function> reported an error. Error was N"): the channel's
	 * name, N, and the line. */
	char channel_failed[32];
	unsigned long channel_error;
	int channel_line;
	bool channel_logged; /* a channel's first ERROR line was noted */
	int mremoteng_line; /* the line of mRemoteNG's "RDP disconnected!" (its reason follows) */
	/* The client's message of a failed TCP connect names no errno (rdesktop's IPv6 build,
	 * Remmina's dialog): whether it was refused is unknown, not "no". */
	bool connect_errno_unsaid;
	int remmina_access_line; /* Remmina's "Could not access the RDP server" (ditto) */
	/* The line before the one being read (a dialog's message of two lines: fieldlog_i18n.c). */
	char prev_line[512];
	/* A message whose source says it stands for any of several codes, and the causes those
	 * codes name (guacd's "Upstream error.", a broker's refusal, an AVD error name). */
	enum rp_cause said[8];
	int n_said;
	int said_line;
	char said_what[160];
	/* An .evtx file: how many records it held (0 for text). */
	int evtx_records;
	/* What was read: the input's size in bytes, and its encoding (".evtx" for one). */
	size_t bytes;
	struct rp_encoding enc;
	struct rp_fact facts[RP_MAX_FACTS];
	int n_facts;
};

/* The most a field log may be, in bytes, as a file or on standard input: past it the input is
 * refused, not cut (a verdict from the first part of a log could miss the failure at its
 * end). 64 MiB holds hours of a DEBUG log; a bigger one is cut by the user to the attempt
 * that failed. An .evtx is bounded the same (a full Security log is 20 MiB by default). */
#define RP_FIELDLOG_MAX ((size_t)64 << 20)

/* Reads and extracts. path: a regular file (a FIFO, a device, a socket or a directory is
 * refused without blocking), or "-" for standard input (read to its end); at most
 * RP_FIELDLOG_MAX bytes either way; UTF-8 or UTF-16 (rp_logtext_decode), or an .evtx. A file
 * that is none of the three kinds is an error naming it. */
bool rp_fieldlog_read(const char* path, struct rp_fieldlog* log, struct rp_err* err);
/* The same, and the text read (decoded; an .evtx's records as XML) into *text (malloc'd;
 * NULL on failure) for a caller that reads more from it. */
bool rp_fieldlog_load(const char* path, struct rp_fieldlog* log, char** text, struct rp_err* err);
/* Only the reading: path's bytes (or standard input's, for "-") into *raw (malloc'd), with
 * rp_fieldlog_read's rules; classify reads every input so before it leaves root's rights. */
bool rp_fieldlog_read_raw(const char* path, char** raw, size_t* len, struct rp_err* err);
/* The same from len bytes in memory (the fuzzer): decoded, an .evtx through libevtx. text may
 * be NULL. */
bool rp_fieldlog_parse_bytes(const char* name, const char* data, size_t len,
                             struct rp_fieldlog* log, char** text, struct rp_err* err);
/* Extracts from UTF-8 text in memory, NUL-terminated (tests). `name` is for messages. */
bool rp_fieldlog_parse(const char* name, const char* text, struct rp_fieldlog* log,
                       struct rp_err* err);

/* The verdict for what a field log holds: the classifier's rules first (codes that name
 * their cause), then the log-only rules; with too little, undetermined and its candidates. */
struct rp_field_verdict
{
	struct rp_verdict v;
	enum rp_cause candidates[RP_CAUSE_COUNT];
	int n_candidates;
};

void rp_fieldlog_classify(const struct rp_fieldlog* log, struct rp_field_verdict* fv);

/* The causes a field verdict names, in order: the verdict, the runner-up, the candidates
 * (undetermined alone when it names none). out holds RP_CAUSE_COUNT + 2; returns how many. */
int rp_field_verdict_causes(const struct rp_field_verdict* fv, enum rp_cause* out);

#endif
