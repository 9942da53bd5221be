/* clientargs.c: the allow-list of the client options a scenario may give.
 *
 * FreeRDP 3.10 parses the client's command line in client/common/cmdline.c on winpr's
 * CommandLineParseArgumentsA (winpr/libwinpr/utils/cmdline.c). With the harness's own /v:, /u:
 * and /p: first, it takes the Windows style (freerdp_client_detect_command_line): a token is
 * SIGIL NAME[:VALUE], the sigil '/', '+' or '-', the name matched case-exactly (strncmp) with
 * the table of cmdline.h or an alias, the value everything after the first ':'. This file reads
 * a token the same way and asks more of it: the name is a row of `allowed`, the sigil is one
 * that means what it says, the value is one the row takes. Everything else is refused, and the
 * options that are dangerous say why (`refused`). */
#include "clientargs.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Why a token is refused: the classes of docs/scenario-format.md#client-options. */
enum refusal
{
	R_LOADS_CODE,
	R_NAMES_FILE,
	R_DEVICE,
	R_LEAVES_LAB,
	R_HARNESS,
	R_MORE_ARGS,
	R_BAD_VALUE,
	R_SPELLING,
	R_TWICE,
	R_UNKNOWN,
};

static const char* const refusal_names[] = {
	[R_LOADS_CODE] = "loads code",
	[R_NAMES_FILE] = "names a file",
	[R_DEVICE] = "redirects a device or a channel",
	[R_LEAVES_LAB] = "leaves the lab",
	[R_HARNESS] = "the harness sets it",
	[R_MORE_ARGS] = "reads more arguments from elsewhere",
	[R_BAD_VALUE] = "bad value",
	[R_SPELLING] = "misleading spelling",
	[R_TWICE] = "given twice",
	[R_UNKNOWN] = "unknown option",
};

/* Fills why with "CLASS: DETAIL"; returns false, for `return refuse(...)`. */
static bool refuse(char* why, size_t n, enum refusal r, const char* fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool refuse(char* why, size_t n, enum refusal r, const char* fmt, ...)
{
	int k = snprintf(why, n, "%s: ", refusal_names[r]);
	va_list ap;

	if (k < 0 || (size_t)k >= n)
		return false;
	va_start(ap, fmt);
	vsnprintf(why + k, n - (size_t)k, fmt, ap);
	va_end(ap);
	return false;
}

enum arg_kind
{
	A_VALUE, /* /name:VALUE (COMMAND_LINE_VALUE_REQUIRED) */
	A_BOOL,  /* /name or +name: on, -name: off (COMMAND_LINE_VALUE_BOOL) */
	A_FLAG,  /* /name (COMMAND_LINE_VALUE_FLAG: FreeRDP reads -name as /name too) */
};

struct allowed;
typedef bool (*value_fn)(const struct allowed* a, const char* v, char* why, size_t n);

struct allowed
{
	const char* name;
	enum arg_kind kind;
	value_fn value;           /* A_VALUE: checks the whole value */
	value_fn item;            /* v_list: checks one comma-separated item */
	long lo, hi;              /* v_number */
	const char* const* words; /* v_word */
	const char* takes;        /* what the value must be, for the message */
};

/* A decimal number in [lo, hi]. Digits only, no leading zero: FreeRDP reads numbers with
 * strtol base 0 (cmdline.c value_to_int), so /timeout:010 would be 8 ms and 0x10 16. */
static bool number_in(const char* v, long lo, long hi)
{
	size_t len = strspn(v, "0123456789");
	long x;

	if (!len || v[len] || len > 9 || (v[0] == '0' && len > 1))
		return false;
	x = strtol(v, NULL, 10);
	return x >= lo && x <= hi;
}

static bool word_in(const char* v, const char* const* words)
{
	for (; *words; words++)
		if (strcmp(v, *words) == 0)
			return true;
	return false;
}

static bool v_number(const struct allowed* a, const char* v, char* why, size_t n)
{
	return number_in(v, a->lo, a->hi) ||
	       refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
}

static bool v_word(const struct allowed* a, const char* v, char* why, size_t n)
{
	return word_in(v, a->words) || refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
}

/* WxH: MS-RDPBCGR 2.2.1.3.2 (TS_UD_CS_CORE) bounds desktopWidth and desktopHeight to 200..8192;
 * FreeRDP takes up to 65535 each, a framebuffer of 16 GiB. The <percent>% form needs a screen. */
static bool v_size(const struct allowed* a, const char* v, char* why, size_t n)
{
	char w[8], h[8];
	const char* x = strchr(v, 'x');

	if (x && (size_t)(x - v) < sizeof(w) && strlen(x + 1) < sizeof(h))
	{
		snprintf(w, sizeof(w), "%.*s", (int)(x - v), v);
		snprintf(h, sizeof(h), "%s", x + 1);
		if (number_in(w, 200, 8192) && number_in(h, 200, 8192))
			return true;
	}
	return refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
}

/* A comma-separated list (FreeRDP splits it with CommandLineParseCommaSeparatedValues), each
 * item checked by the row's item function. No quotes reach here: no item takes one. */
static bool v_list(const struct allowed* a, const char* v, char* why, size_t n)
{
	char copy[512];
	char* save = NULL;
	size_t len = strlen(v);

	if (len >= sizeof(copy) || !len || v[0] == ',' || v[len - 1] == ',' || strstr(v, ",,"))
		return refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
	memcpy(copy, v, len + 1);
	for (char* it = strtok_r(copy, ",", &save); it; it = strtok_r(NULL, ",", &save))
		if (!a->item(a, it, why, n))
			return false;
	return true;
}

/* /sec: items: a protocol, alone (only it) or with :on / :off (cmdline.c parse_sec_options). */
static bool sec_item(const struct allowed* a, const char* it, char* why, size_t n)
{
	static const char* const protocols[] = { "rdp", "tls", "nla", "ext", NULL };
	char name[8];
	const char* colon = strchr(it, ':');
	size_t len = colon ? (size_t)(colon - it) : strlen(it);

	snprintf(name, sizeof(name), "%.*s", (int)(len < sizeof(name) ? len : sizeof(name) - 1), it);
	if (strcmp(name, "aad") == 0)
		return refuse(why, n, R_LEAVES_LAB, "/sec:aad asks Azure AD (login.microsoftonline.com) "
		                                    "for a token");
	if (len < sizeof(name) && word_in(name, protocols) &&
	    (!colon || strcmp(colon, ":on") == 0 || strcmp(colon, ":off") == 0))
		return true;
	return refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
}

/* A host name as a certificate names it: letters, digits, '.' and '-' (RFC 1123 2.1), not
 * beginning with either of those two. */
static bool host_name(const char* v)
{
	size_t len = strlen(v);

	return len && len <= 253 && v[0] != '-' && v[0] != '.' &&
	       strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == len;
}

/* /cert: items (cmdline.c parse_cert_options): the certificate policy, and the name to match. */
static bool cert_item(const struct allowed* a, const char* it, char* why, size_t n)
{
	static const char* const policies[] = { "ignore", "tofu", "deny", NULL };

	if (word_in(it, policies) || (strncmp(it, "name:", 5) == 0 && host_name(it + 5)))
		return true;
	return refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
}

/* /tls: items (cmdline.c parse_tls_cipher_options). ciphers: is an OpenSSL cipher string
 * (ciphers(1)): names, ':' '+' '-' '!' '@' '=' '.' '_', nothing that names a file. */
static bool tls_item(const struct allowed* a, const char* it, char* why, size_t n)
{
	static const char* const versions[] = { "1.0", "1.1", "1.2", "1.3", NULL };
	static const char cipher_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                                   "0123456789:+-!@=._";

	if (strncmp(it, "secrets-file:", 13) == 0)
		return refuse(why, n, R_NAMES_FILE, "/tls:secrets-file: writes the TLS keys to it");
	if (strncmp(it, "seclevel:", 9) == 0 && number_in(it + 9, 0, 5))
		return true;
	if (strncmp(it, "enforce:", 8) == 0 && word_in(it + 8, versions))
		return true;
	if (strncmp(it, "ciphers:", 8) == 0 && it[8] && strlen(it + 8) <= 200 &&
	    strspn(it + 8, cipher_chars) == strlen(it + 8))
		return true;
	return refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
}

/* /encryption-methods: items: Standard RDP Security's methods (MS-RDPBCGR 2.2.1.3.3). */
static bool enc_item(const struct allowed* a, const char* it, char* why, size_t n)
{
	static const char* const methods[] = { "40", "56", "128", "FIPS", NULL };

	return word_in(it, methods) || refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
}

static const char* const depths[] = { "8", "15", "16", "24", "32", NULL };
static const char* const networks[] = { "modem", "broadband", "broadband-low", "broadband-high",
	                                    "wan",   "lan",       "auto",          "autodetect",
	                                    "detect", NULL };
static const char* const gdis[] = { "sw", "hw", NULL };

/* The list: one row per option, each changing only what the client says or waits for on the
 * connection the harness opens to the lab's server. The source of each fact is FreeRDP 3.10's
 * client/common/cmdline.c (the option's CommandLineSwitchCase) and the spec it implements. */
static const struct allowed allowed[] = {
	/* The protocols offered in the X.224 Connection Request (MS-RDPBCGR 2.2.1.1.1
	 * requestedProtocols); aad is refused (sec_item). */
	{ "sec", A_VALUE, v_list, sec_item, 0, 0, NULL,
	  "rdp, tls, nla or ext, alone or with :on or :off, separated by commas" },
	/* Whether the client negotiates the security protocol at all (RDP_NEG_REQ). */
	{ "nego", A_BOOL, NULL, NULL, 0, 0, NULL, NULL },
	/* TcpAckTimeout: how long the client waits for the server (also bounds activation,
	 * LAB-NOTES). 1..600000 is FreeRDP's own bound (value_to_uint). */
	{ "timeout", A_VALUE, v_number, NULL, 1, 600000, NULL, "a number of ms from 1 to 600000" },
	/* AutoReconnectionEnabled: reconnects to the same server with its cookie (MS-RDPBCGR
	 * 5.5). */
	{ "auto-reconnect", A_BOOL, NULL, NULL, 0, 0, NULL, NULL },
	/* AutoReconnectMaxRetries; 0..1000 is FreeRDP's own bound. */
	{ "auto-reconnect-max-retries", A_VALUE, v_number, NULL, 0, 1000, NULL,
	  "a number from 0 to 1000" },
	/* How the client judges the server's certificate, and the name it matches. */
	{ "cert", A_VALUE, v_list, cert_item, 0, 0, NULL,
	  "ignore, tofu, deny or name:HOST, separated by commas" },
	/* OpenSSL's security level (SSL_CTX_set_security_level: 0..5), the TLS version, the
	 * cipher string; secrets-file: is refused (tls_item). */
	{ "tls", A_VALUE, v_list, tls_item, 0, 0, NULL,
	  "seclevel:0-5, enforce:1.0|1.1|1.2|1.3 or ciphers:OPENSSL-CIPHER-STRING, separated by "
	  "commas" },
	/* Standard RDP Security's encryption methods offered (TS_UD_CS_SEC). */
	{ "encryption-methods", A_VALUE, v_list, enc_item, 0, 0, NULL,
	  "40, 56, 128 or FIPS, separated by commas" },
	/* The desktop size and colour depth asked for in the Client Core Data (TS_UD_CS_CORE). */
	{ "size", A_VALUE, v_size, NULL, 0, 0, NULL, "WxH, each from 200 to 8192" },
	{ "bpp", A_VALUE, v_word, NULL, 0, 0, depths, "8, 15, 16, 24 or 32" },
	/* connectionType in the Client Core Data (MS-RDPBCGR 2.2.1.3.2), by its names
	 * (cmdline.c parse_network_options). */
	{ "network", A_VALUE, v_word, NULL, 0, 0, networks,
	  "modem, broadband, broadband-low, broadband-high, wan, lan, auto, autodetect or detect" },
	/* Software or X11 drawing on the client's own side. */
	{ "gdi", A_VALUE, v_word, NULL, 0, 0, gdis, "sw or hw" },
	/* Bulk compression (MS-RDPBCGR 3.1.8): on or off, and the type offered (0: 8K, 1: 64K,
	 * 2: RDP 6.0, 3: RDP 6.1). */
	{ "compression", A_BOOL, NULL, NULL, 0, 0, NULL, NULL },
	{ "compression-level", A_VALUE, v_number, NULL, 0, 3, NULL, "a number from 0 to 3" },
	/* Frames the client may leave unacknowledged (TS_FRAME_ACKNOWLEDGE_CAPABILITYSET). */
	{ "frame-ack", A_VALUE, v_number, NULL, 0, 1000, NULL, "a number from 0 to 1000" },
	/* Whether the client supports Heartbeat PDUs (MS-RDPBCGR 2.2.16.1) and multitransport
	 * (MS-RDPBCGR 2.2.15.1): what it announces. */
	{ "heartbeat", A_BOOL, NULL, NULL, 0, 0, NULL, NULL },
	{ "multitransport", A_BOOL, NULL, NULL, 0, 0, NULL, NULL },
	/* The console session, and Restricted Admin mode (no credentials delegated). */
	{ "admin", A_FLAG, NULL, NULL, 0, 0, NULL, NULL },
	{ "restricted-admin", A_FLAG, NULL, NULL, 0, 0, NULL, NULL },
};
#define N_ALLOWED (sizeof(allowed) / sizeof(allowed[0]))

/* FreeRDP 3.10 options that a scenario may never give, and why: the refusal names the class.
 * Any other name is an unknown option. */
static const struct refused
{
	const char* name;
	enum refusal why;
	const char* what;
} refused[] = {
	{ "kerberos", R_LOADS_CODE, "pkcs11-module: is a library it loads, cache: a file" },
	{ "smartcard-logon", R_LOADS_CODE, "a PKCS#11 module it loads" },
	{ "sspi-module", R_LOADS_CODE, "a library it loads" },
	{ "winscard-module", R_LOADS_CODE, "a library it loads" },
	{ "rdp2tcp", R_LOADS_CODE, "a program it runs" },
	{ "action-script", R_LOADS_CODE, "a script it runs" },
	{ "a", R_LOADS_CODE, "an addin it loads by name" },
	{ "vc", R_LOADS_CODE, "a channel plugin it loads by name" },
	{ "dvc", R_LOADS_CODE, "a channel plugin it loads by name" },
	{ "sound", R_LOADS_CODE, "an audio backend it loads (sys:)" },
	{ "microphone", R_LOADS_CODE, "an audio backend it loads (sys:)" },
	{ "multimedia", R_LOADS_CODE, "a media backend it loads (sys:)" },
	{ "tune", R_LOADS_CODE, "sets any setting by name (modules, files, hosts)" },
	{ "tls-secrets-file", R_NAMES_FILE, "writes the TLS keys to it" },
	{ "dump", R_NAMES_FILE, "records to or replays from it" },
	{ "play-rfx", R_NAMES_FILE, "a pcap file it reads" },
	{ "cache", R_NAMES_FILE, "persist-file: a cache file it writes" },
	{ "persist-cache-file", R_NAMES_FILE, "a cache file it writes" },
	{ "kbd", R_NAMES_FILE, "pipe: a file it reads" },
	{ "app", R_NAMES_FILE, "file:, icon:: files" },
	{ "drive", R_DEVICE, "a directory of the host" },
	{ "drives", R_DEVICE, "every mount of the host" },
	{ "home-drive", R_DEVICE, "the home directory" },
	{ "serial", R_DEVICE, "a serial device" },
	{ "parallel", R_DEVICE, "a parallel device" },
	{ "printer", R_DEVICE, "a printer" },
	{ "usb", R_DEVICE, "a USB device" },
	{ "smartcard", R_DEVICE, "a smart card reader" },
	{ "clipboard", R_DEVICE, "the clipboard" },
	{ "v", R_LEAVES_LAB, "the target, which the harness sets" },
	{ "port", R_LEAVES_LAB, "the target's port, which the harness sets" },
	{ "proxy", R_LEAVES_LAB, "a proxy" },
	{ "gateway", R_LEAVES_LAB, "an RD Gateway" },
	{ "g", R_LEAVES_LAB, "an RD Gateway" },
	{ "gt", R_LEAVES_LAB, "an RD Gateway" },
	{ "gat", R_LEAVES_LAB, "an RD Gateway's token" },
	{ "gu", R_LEAVES_LAB, "an RD Gateway's user" },
	{ "gp", R_LEAVES_LAB, "an RD Gateway's password" },
	{ "gd", R_LEAVES_LAB, "an RD Gateway's domain" },
	{ "azure", R_LEAVES_LAB, "Azure AD" },
	{ "load-balance-info", R_LEAVES_LAB, "a broker's routing token" },
	{ "vmconnect", R_LEAVES_LAB, "a Hyper-V VM's console" },
	{ "u", R_HARNESS, "the user" },
	{ "p", R_HARNESS, "the password (scenario: password = right|wrong)" },
	{ "d", R_HARNESS, "the domain" },
	{ "pth", R_HARNESS, "a password hash" },
	{ "reconnect-cookie", R_HARNESS, "an auto-reconnect cookie" },
	{ "assistance", R_HARNESS, "a Remote Assistance password" },
	{ "log-level", R_HARNESS, "`rdprepro run --freerdp-log LEVEL`; xfreerdp3's log is evidence" },
	{ "log-filters", R_HARNESS, "`rdprepro run --freerdp-log LEVEL`" },
	{ "args-from", R_MORE_ARGS, "a file, stdin, a descriptor or a variable" },
	{ "from-stdin", R_MORE_ARGS, "stdin" },
};

/* The token as it can be quoted back: at most 80 characters, anything unprintable as '?'. */
static void quotable(const char* tok, char* out, size_t n)
{
	size_t k = 0;

	for (; *tok && k + 4 < n && k < 80; tok++)
		out[k++] = (*tok >= 0x20 && *tok < 0x7f && *tok != '"') ? *tok : '?';
	if (*tok && k + 4 < n)
		k += (size_t)snprintf(out + k, n - k, "...");
	out[k] = '\0';
}

/* Checks one token against the list; *row is its row (for the duplicate check). */
static bool check_token(const char* tok, const struct allowed** row, char* why, size_t n)
{
	const char sigil = tok[0];
	const char* name = tok + 1;
	size_t len = strcspn(name, ":");
	const char* value = name[len] ? name + len + 1 : NULL;
	const struct allowed* a = NULL;

	*row = NULL;
	if (sigil != '/' && sigil != '+' && sigil != '-')
		return refuse(why, n, R_UNKNOWN, "an option begins with /, + or -");
	for (size_t i = 0; i < N_ALLOWED && !a; i++)
		if (strlen(allowed[i].name) == len && strncmp(allowed[i].name, name, len) == 0)
			a = &allowed[i];
	if (!a)
	{
		for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
			if (strlen(refused[i].name) == len && strncmp(refused[i].name, name, len) == 0)
				return refuse(why, n, refused[i].why, "/%s: %s", refused[i].name,
				              refused[i].what);
		snprintf(why, n, "%s", refusal_names[R_UNKNOWN]);
		return false;
	}
	*row = a;
	switch (a->kind)
	{
		case A_VALUE:
			if (sigil != '/')
				return refuse(why, n, R_SPELLING, "write /%s:VALUE (FreeRDP reads %c%s: as "
				                                  "/%s:)",
				              a->name, sigil, a->name, a->name);
			if (!value || !*value)
				return refuse(why, n, R_BAD_VALUE, "/%s: takes %s", a->name, a->takes);
			return a->value(a, value, why, n);
		case A_BOOL:
			if (value)
				return refuse(why, n, R_BAD_VALUE, "/%s takes no value: +%s or -%s", a->name,
				              a->name, a->name);
			return true;
		case A_FLAG:
			if (value)
				return refuse(why, n, R_BAD_VALUE, "/%s takes no value", a->name);
			if (sigil != '/')
				return refuse(why, n, R_SPELLING, "write /%s (FreeRDP reads %c%s as /%s)",
				              a->name, sigil, a->name, a->name);
			return true;
	}
	return refuse(why, n, R_UNKNOWN, "internal: kind");
}

/* One token in its place among the others: its row not seen before. */
static bool check_one(const char* tok, const struct allowed** seen, int* n_seen,
                      struct rp_err* err)
{
	char why[300], quoted[96];
	const struct allowed* row;
	bool ok = check_token(tok, &row, why, sizeof(why));

	for (int i = 0; ok && i < *n_seen; i++)
		if (seen[i] == row)
			ok = refuse(why, sizeof(why), R_TWICE, "FreeRDP keeps only the last /%s", row->name);
	if (ok)
	{
		seen[(*n_seen)++] = row;
		return true;
	}
	quotable(tok, quoted, sizeof(quoted));
	return rp_fail(err, "\"%s\" is not allowed (%s; the allowed options: %s)", quoted, why,
	               RP_CLIENT_ARGS_DOC);
}

bool rp_client_argv_check(const char* const* argv, int argc, struct rp_err* err)
{
	const struct allowed* seen[N_ALLOWED];
	int n_seen = 0;

	for (int i = 0; i < argc; i++)
		if (!check_one(argv[i], seen, &n_seen, err))
			return false;
	return true;
}

bool rp_client_args_check(const char* args, struct rp_err* err)
{
	const struct allowed* seen[N_ALLOWED];
	int n_seen = 0;
	char tok[512];

	for (const char* s = args; *(s += strspn(s, " \t"));)
	{
		size_t len = strcspn(s, " \t");
		snprintf(tok, sizeof(tok), "%.*s", (int)(len < sizeof(tok) ? len : sizeof(tok) - 1), s);
		if (!check_one(tok, seen, &n_seen, err))
			return false;
		s += len;
	}
	return true;
}
