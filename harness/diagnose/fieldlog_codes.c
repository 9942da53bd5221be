/* fieldlog_codes.c: numbers that mean the same whoever prints them, for every reader: a
 * Windows status (NTSTATUS, an HRESULT wrapping a Win32 error, SSPI's SEC_E_*) named through
 * WinPR's own tables (winpr/nt.h NtStatus2Tag and Win32ErrorCode2Tag, winpr/sspi.h
 * GetSecurityStatusString), and the RDP Negotiation Failure code (MS-RDPBCGR 2.2.1.2.2) by
 * its number. A client in Rust, Go, JavaScript or Windows' own prints these as numbers where
 * FreeRDP prints names: the number is the fact. */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/x509.h>
#include <winpr/nt.h>
#include <winpr/sspi.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"

/* A failed logon's status by WinPR's name (Security 4625's Status and SubStatus, CredSSP's
 * errorCode as FreeRDP logs it, a client's raw number) or its Win32 error, as the FreeRDP last
 * error that says the same (FreeRDP's own pairing: libfreerdp/core/nla.c maps these NTSTATUS to
 * these codes). The one table for every reader. */
static const struct
{
	const char* status; /* as WinPR names it */
	const char* errconnect;
} logon_statuses[] = {
	{ "STATUS_LOGON_FAILURE", "ERRCONNECT_LOGON_FAILURE" }, /* bad user name or password */
	{ "STATUS_NO_SUCH_USER", "ERRCONNECT_LOGON_FAILURE" },
	{ "STATUS_WRONG_PASSWORD", "ERRCONNECT_WRONG_PASSWORD" },
	{ "STATUS_PASSWORD_EXPIRED", "ERRCONNECT_PASSWORD_EXPIRED" },
	{ "STATUS_PASSWORD_MUST_CHANGE", "ERRCONNECT_PASSWORD_MUST_CHANGE" },
	{ "STATUS_ACCOUNT_LOCKED_OUT", "ERRCONNECT_ACCOUNT_LOCKED_OUT" },
	{ "STATUS_ACCOUNT_DISABLED", "ERRCONNECT_ACCOUNT_DISABLED" },
	{ "STATUS_ACCOUNT_EXPIRED", "ERRCONNECT_ACCOUNT_EXPIRED" },
	{ "STATUS_ACCOUNT_RESTRICTION", "ERRCONNECT_ACCOUNT_RESTRICTION" },
	{ "STATUS_INVALID_LOGON_HOURS", "ERRCONNECT_ACCOUNT_RESTRICTION" },
	{ "STATUS_INVALID_WORKSTATION", "ERRCONNECT_ACCOUNT_RESTRICTION" },
	{ "STATUS_LOGON_TYPE_NOT_GRANTED", "ERRCONNECT_LOGON_TYPE_NOT_GRANTED" },
	{ "STATUS_ACCESS_DENIED", "ERRCONNECT_ACCESS_DENIED" },
	{ "SEC_E_LOGON_DENIED", "ERRCONNECT_LOGON_FAILURE" },
	{ "SEC_E_NO_CREDENTIALS", "ERRCONNECT_NO_OR_MISSING_CREDENTIALS" },
	{ "ERROR_LOGON_FAILURE", "ERRCONNECT_LOGON_FAILURE" },
	{ "ERROR_WRONG_PASSWORD", "ERRCONNECT_WRONG_PASSWORD" },
	{ "ERROR_PASSWORD_EXPIRED", "ERRCONNECT_PASSWORD_EXPIRED" },
	{ "ERROR_PASSWORD_MUST_CHANGE", "ERRCONNECT_PASSWORD_MUST_CHANGE" },
	{ "ERROR_ACCOUNT_LOCKED_OUT", "ERRCONNECT_ACCOUNT_LOCKED_OUT" },
	{ "ERROR_ACCOUNT_DISABLED", "ERRCONNECT_ACCOUNT_DISABLED" },
	{ "ERROR_ACCOUNT_EXPIRED", "ERRCONNECT_ACCOUNT_EXPIRED" },
	{ "ERROR_ACCOUNT_RESTRICTION", "ERRCONNECT_ACCOUNT_RESTRICTION" },
	{ "ERROR_LOGON_TYPE_NOT_GRANTED", "ERRCONNECT_LOGON_TYPE_NOT_GRANTED" },
};

const char* fl_logon_status_errconnect(const char* status_name)
{
	for (size_t i = 0; i < sizeof(logon_statuses) / sizeof(logon_statuses[0]); i++)
		if (status_name && strcmp(logon_statuses[i].status, status_name) == 0)
			return logon_statuses[i].errconnect;
	return NULL;
}

const char* fl_logon_status_in(const char* line, const char** errconnect)
{
	for (size_t i = 0; i < sizeof(logon_statuses) / sizeof(logon_statuses[0]); i++)
		if (strstr(line, logon_statuses[i].status))
		{
			*errconnect = logon_statuses[i].errconnect;
			return logon_statuses[i].status;
		}
	return NULL;
}

/* A Windows status number's name through WinPR, or NULL: NTSTATUS of severity error
 * (0xC...), an HRESULT of facility Win32 (0x8007xxxx) by its Win32 code, an SSPI status
 * (0x8009xxxx). */
const char* fl_status_name(unsigned long v)
{
	if ((v & 0xF0000000UL) == 0xC0000000UL)
		return NtStatus2Tag((DWORD)v);
	if ((v & 0xFFFF0000UL) == 0x80070000UL)
		return Win32ErrorCode2Tag((UINT16)(v & 0xFFFF));
	if ((v & 0xFFFF0000UL) == 0x80090000UL)
		return GetSecurityStatusString((SECURITY_STATUS)v);
	return NULL;
}

/* SSPI's answers that say what failed, in the terms of the record. */
void fl_sspi_fact(struct rp_fieldlog* log, int no, const char* line, const char* name)
{
	struct rp_evidence* ev = &log->ev;

	if (strcmp(name, "SEC_E_UNSUPPORTED_FUNCTION") == 0 ||
	    strcmp(name, "SEC_E_ALGORITHM_MISMATCH") == 0 ||
	    strcmp(name, "SEC_E_UNSUPPORTED_PREAUTH") == 0)
	{
		/* CredSSP's versions or the TLS the two sides offer do not meet: what Windows' own
		 * "encryption oracle remediation" dialog ends with. */
		log->credssp_mismatch = true;
		fl_reach(log, RP_PHASE_NLA);
		fl_add_fact(log, no, line, "%s: the two sides' security packages (CredSSP, TLS) have "
		                           "no version or function in common", name);
	}
	else if (strcmp(name, "SEC_E_CERT_EXPIRED") == 0 || strcmp(name, "SEC_E_UNTRUSTED_ROOT") == 0 ||
	         strcmp(name, "SEC_E_WRONG_PRINCIPAL") == 0 || strcmp(name, "SEC_E_CERT_UNKNOWN") == 0)
	{
		ev->cert_rejected = true;
		fl_reach(log, RP_PHASE_TLS);
		fl_add_fact(log, no, line, "%s: the server's certificate was not accepted", name);
	}
	else if (strcmp(name, "SEC_E_NO_AUTHENTICATING_AUTHORITY") == 0)
	{
		log->no_authority = true;
		fl_reach(log, RP_PHASE_NLA);
		fl_add_fact(log, no, line, "%s: no domain controller could be reached to check the "
		                           "credentials", name);
	}
	else
		fl_add_fact(log, no, line, "a Windows security status %s", name);
}

/* Every "0x" and eight hex digits on the line that names a Windows status. */
static void status_numbers(struct rp_fieldlog* log, int no, const char* line)
{
	for (const char* p = line; *p; p++)
	{
		char* end;
		unsigned long v;
		const char* name;
		const char* errc;

		if (p[0] != '0' || (p[1] != 'x' && p[1] != 'X') || (p > line && isalnum((unsigned char)p[-1])))
			continue;
		v = strtoul(p + 2, &end, 16);
		if (end - (p + 2) != 8 || isalnum((unsigned char)*end))
			continue;
		if (!(name = fl_status_name(v)))
			continue;
		if ((errc = fl_logon_status_errconnect(name)))
		{
			uint32_t code = rp_last_error_from_name(errc);
			if (code != UINT32_MAX && !log->ev.last_error)
				fl_set_last_error(log, code);
			fl_reach(log, RP_PHASE_NLA);
			fl_add_fact(log, no, line, "a Windows status 0x%08lX, %s (WinPR's name): the logon "
			                           "failed; FreeRDP says %s", v, name, errc);
		}
		else if (strncmp(name, "SEC_E_", 6) == 0 && !strstr(line, "[com.freerdp") &&
		         !strstr(line, "[com.winpr"))
			fl_sspi_fact(log, no, line, name);
		/* FreeRDP's and WinPR's own lines name SSPI statuses in passing (a package that
		 * falls back to another, a retry): there the status is a fact, not a verdict's. */
		else
			fl_add_fact(log, no, line, "a Windows status 0x%08lX, %s (WinPR's name)", v, name);
		p = end - 1;
	}
}

/* MS-RDPBCGR 2.2.1.2.2 RDP Negotiation Failure: failureCode 1-6, named as FreeRDP names them. */
static const char* const neg_failures[] = {
	NULL,
	"SSL_REQUIRED_BY_SERVER",
	"SSL_NOT_ALLOWED_BY_SERVER",
	"SSL_CERT_NOT_ON_SERVER",
	"INCONSISTENT_FLAGS",
	"HYBRID_REQUIRED_BY_SERVER",
	"SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER",
};

/* The server's Negotiation Failure code by number: "failureCode = 5" (Go), "FailureCode(2)"
 * (IronRDP), "negotiation failure code 5". Only on a line about the negotiation (or IronRDP's
 * type name), so that another "failure code" is not read as one. */
static void negotiation_code(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p = strcasestr(line, "failurecode");
	long code;
	char* end;

	if (!p)
	{
		p = strcasestr(line, "failure code");
		if (!p || !strcasestr(line, "negotiat"))
			return;
	}
	else if (!strcasestr(line, "neg") && !strstr(line, "FailureCode("))
		return;
	p += strcspn(p, "0123456789\n");
	code = strtol(p, &end, 10);
	if (end == p || code < 1 || code > 6)
		return;
	log->nego_code = true;
	if (!log->ev.last_error)
		fl_set_last_error(log, 0x0002000C); /* ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED */
	fl_reach(log, RP_PHASE_X224);
	fl_add_fact(log, no, line, "the server's negotiation failure code %ld, %s (MS-RDPBCGR "
	                           "2.2.1.2.2)", code, neg_failures[code]);
}

/* ---- a TLS library's refusal of the server's certificate ----
 * A client on OpenSSL (rdesktop on GnuTLS aside, most C clients, Python's and Node's TLS) or on
 * rustls (IronRDP and the Rust clients on it) says why its library refused the server's
 * certificate in the library's own words; the words come from the library, not from a table of
 * ours. */

/* OpenSSL's X509_V_ERR_* that are about the server's certificate or its chain (x509_vfy.h):
 * not the CRL's own (3, 5, 8, 11, 12, 15, 16, 33, 35, 36, 44, 54), not out of memory (17), not
 * a caller's context (69, 70). Their texts come from the library linked
 * (X509_verify_cert_error_string); 1.1's words where 3.0 changed them ("self signed"). */
static bool openssl_cert_error(const char* line, const char** text)
{
	static const int codes[] = { 2, 4, 6, 7, 9, 10, 13, 14, 18, 19, 20, 21, 22, 23, 24, 25, 26,
		                         27, 28, 29, 30, 31, 32, 34, 37, 41, 47, 48, 62, 64, 66, 67, 68,
		                         77, 79 };
	static const char* const v11[] = { "self signed certificate" };

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
	{
		const char* t = X509_verify_cert_error_string(codes[i]);
		if (t && !strstr(t, "error number") && strcasestr(line, t))
		{
			*text = t;
			return true;
		}
	}
	for (size_t i = 0; i < sizeof(v11) / sizeof(v11[0]); i++)
		if (strcasestr(line, v11[i]))
		{
			*text = v11[i];
			return true;
		}
	return false;
}

/* rustls' Error::InvalidCertificate ("invalid peer certificate: " and the CertificateError,
 * rustls/src/error/mod.rs), and webpki's Error variants by name (rustls-webpki src/error.rs;
 * briansmith/webpki's older spelling): Rust clients print them with {:?}, alone at times. Only
 * names no other text uses: the short ones (Expired, Revoked) only after rustls' prefix. */
static bool rustls_cert_error(const char* line, const char** text)
{
	static const char* const names[] = {
		"UnsupportedCertVersion", "CertExpired", "CertNotValidYet", "CertNotValidForName",
		"CertRevoked", "UnknownIssuer", "CaUsedAsEndEntity", "CAUsedAsEndEntity",
		"EndEntityUsedAsCa", "EndEntityUsedAsCA", "InvalidCertValidity", "RequiredEkuNotFound",
		"RequiredEKUNotFound", "UnsupportedCriticalExtension", "UnhandledCriticalExtension",
		"NotValidForName", "InvalidSignatureForPublicKey", "BadDerTime",
	};

	if (strstr(line, "invalid peer certificate: "))
	{
		*text = "invalid peer certificate";
		return true;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		const char* p = strstr(line, names[i]);
		size_t n = strlen(names[i]);
		if (p && (p == line || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[n]))
		{
			*text = names[i];
			return true;
		}
	}
	return false;
}

static void tls_library_cert(struct rp_fieldlog* log, int no, const char* line)
{
	const char* text = NULL;

	/* FreeRDP's own lines name OpenSSL's verdict before its prompt, which the user may have
	 * answered yes: its reader decides what they mean. */
	if (strstr(line, "[com.freerdp") || strstr(line, "[com.winpr") || log->ev.cert_rejected)
		return;
	if (!openssl_cert_error(line, &text) && !rustls_cert_error(line, &text))
		return;
	log->ev.cert_rejected = true;
	fl_reach(log, RP_PHASE_TLS);
	fl_add_fact(log, no, line, "the client's TLS library refused the server's certificate (%s)",
	            text);
}

/* ---- the client crashed ----
 * In the words of what reports a crash, whichever client it was: the shell's and gdb's for a
 * fatal signal (glibc's own texts, strsignal() and sigabbrev_np()), the kernel's "segfault at",
 * systemd-coredump's "dumped core", glibc's heap and stack checks (malloc/malloc.c's
 * malloc_printerr texts, debug/fortify_fail.c), the sanitizers' "ERROR: AddressSanitizer:",
 * macOS's crash report and Windows' Application Error event (1000). */
static bool crash_words(const char* line, char* what, size_t n)
{
	static const int sigs[] = { SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE };
	static const struct
	{
		const char* words;
		const char* name;
	} reports[] = {
		{ "ERROR: AddressSanitizer: ", "AddressSanitizer" },
		{ "ERROR: UndefinedBehaviorSanitizer", "UndefinedBehaviorSanitizer" },
		{ "free(): invalid", "glibc's heap check" },
		{ "double free or corruption", "glibc's heap check" },
		{ "malloc(): corrupted", "glibc's heap check" },
		{ "malloc(): invalid", "glibc's heap check" },
		{ "corrupted size vs. prev_size", "glibc's heap check" },
		{ "*** stack smashing detected ***", "glibc's stack protector" },
		{ "dumped core", "systemd-coredump" },
		{ "EXC_BAD_ACCESS", "macOS: EXC_BAD_ACCESS" },
		{ "Faulting application name:", "Windows' Application Error event" },
		{ "Faulting module name:", "Windows' Application Error event" },
	};

	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
	{
		const char* abbrev = sigabbrev_np(sigs[i]);
		const char* descr = strsignal(sigs[i]);
		char sig[32];
		snprintf(sig, sizeof(sig), "SIG%s", abbrev ? abbrev : "?");
		/* gdb's "received signal SIGSEGV", "terminated with signal SIGSEGV"; the shell's
		 * "Segmentation fault (core dumped)"; "Aborted" only with its core (guacd says
		 * "Aborted." for a connection it gave up on) */
		if ((abbrev && strstr(line, sig) && (strstr(line, "received signal") ||
		                                     strstr(line, "with signal") || strstr(line, "caught signal"))) ||
		    (descr && strstr(line, descr) &&
		     (sigs[i] == SIGSEGV || sigs[i] == SIGBUS || strstr(line, "core dumped"))))
		{
			snprintf(what, n, "%s", abbrev ? sig : descr);
			return true;
		}
	}
	{
		/* gdb's frame line (print_frame: "#N  0xADDR in FUNC (ARGS) at FILE:LINE" or "from
		 * LIB"): a backtrace, the client stopped where it failed; valgrind memcheck's
		 * "==PID== Invalid read/write of size N" */
		const char* p = line + strspn(line, " \t");
		if (p[0] == '#' && p[1] >= '0' && p[1] <= '9' && strstr(p, " in ") &&
		    (strstr(p, ") at ") || strstr(p, ") from ")))
		{
			snprintf(what, n, "a debugger's backtrace");
			return true;
		}
		if (strstr(line, "==") && (strstr(line, "Invalid read of size") ||
		                           strstr(line, "Invalid write of size")))
		{
			snprintf(what, n, "valgrind: an invalid memory access");
			return true;
		}
	}
	if (strstr(line, "segfault at ") && strstr(line, " ip "))
	{
		snprintf(what, n, "SIGSEGV (the kernel's report)");
		return true;
	}
	for (size_t i = 0; i < sizeof(reports) / sizeof(reports[0]); i++)
		if (strstr(line, reports[i].words))
		{
			snprintf(what, n, "%s", reports[i].name);
			return true;
		}
	return false;
}

static void crash_line(struct rp_fieldlog* log, int no, const char* line)
{
	char what[64];

	if (log->client_crashed || !crash_words(line, what, sizeof(what)))
		return;
	log->client_crashed = true;
	rp_strlcpy(log->crash, what, sizeof(log->crash));
	fl_add_fact(log, no, line, "the client crashed (%s): a defect of the client or of a library "
	                           "it loads", what);
}

void fl_codes_line(struct rp_fieldlog* log, int no, const char* line)
{
	crash_line(log, no, line);
	status_numbers(log, no, line);
	negotiation_code(log, no, line);
	tls_library_cert(log, no, line);
}
