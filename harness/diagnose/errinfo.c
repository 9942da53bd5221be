/* errinfo.c: errorInfo and last-error names through FreeRDP's own tables. */
#include "errinfo.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include <freerdp/error.h>
#include <freerdp/freerdp.h>

/* MS-RDPBCGR 2.2.5.1.1 codes FreeRDP 3.10's table lacks (freerdp_get_error_info_name() gives
 * "ERRINFO_UNKNOWN" for 0x8, 0x19 and 0x1A). */
static const struct
{
	uint32_t code;
	const char* name;
	const char* text;
	enum rp_errinfo_class cls;
} spec_only[] = {
	{ 0x8, "ERRINFO_SERVER_DENIED_CONNECTION_FIPS",
	  "The server denied the connection for security reasons (FIPS) (MS-RDPBCGR 2.2.5.1.1; "
	  "ExtendedDisconnectReasonCode exDiscReasonServerDeniedConnectionFips).", RP_EI_DENIAL },
	{ 0x19, "ERRINFO_SERVER_SHUTDOWN",
	  "The disconnection was initiated because the server is shutting down (MS-RDPBCGR "
	  "2.2.5.1.1).", RP_EI_SESSION_END },
	{ 0x1A, "ERRINFO_SERVER_REBOOT",
	  "The disconnection was initiated because the server is rebooting (MS-RDPBCGR "
	  "2.2.5.1.1).", RP_EI_SESSION_END },
};

#define N_SPEC_ONLY (sizeof(spec_only) / sizeof(spec_only[0]))
/* The highest errorInfo code the spec defines is below this (0x1196 is FreeRDP's own). */
#define ERRINFO_SCAN_END 0x1200u

const char* rp_errinfo_name(uint32_t code)
{
	const char* n;

	for (size_t i = 0; i < N_SPEC_ONLY; i++)
		if (spec_only[i].code == code)
			return spec_only[i].name;
	if (code == 0)
		return "ERRINFO_SUCCESS";
	n = freerdp_get_error_info_name(code);
	return n && strcmp(n, "ERRINFO_UNKNOWN") != 0 ? n : NULL;
}

const char* rp_errinfo_text(uint32_t code)
{
	for (size_t i = 0; i < N_SPEC_ONLY; i++)
		if (spec_only[i].code == code)
			return spec_only[i].text;
	if (!rp_errinfo_name(code))
		return "";
	return freerdp_get_error_info_string(code);
}

/* Names compared without their underscores and case: FreeRDP 2.x printed
 * ERRINFO_DISCONNECTED_BY_OTHERCONNECTION where 3.x prints ..._OTHER_CONNECTION, and logs
 * quote them with or without the ERRINFO_ prefix. */
static bool same_name(const char* a, const char* b)
{
	for (;;)
	{
		while (*a == '_')
			a++;
		while (*b == '_')
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (toupper((unsigned char)*a) != toupper((unsigned char)*b))
			return false;
		a++;
		b++;
	}
}

static const char* without(const char* s, const char* prefix)
{
	size_t n = strlen(prefix);
	return strncmp(s, prefix, n) == 0 ? s + n : s;
}

/* Name lookups scan every code FreeRDP names; done once, they are a table (pthread_once:
 * the runner's workers are processes, but a library function should not care). */
struct named
{
	uint32_t code;
	const char* name;
};
static struct named ei_table[256], le_table[256];
static size_t n_ei, n_le;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void build_tables(void)
{
	for (uint32_t c = 0; c < ERRINFO_SCAN_END && n_ei < 256; c++)
	{
		const char* n = rp_errinfo_name(c);
		if (n)
			ei_table[n_ei++] = (struct named){ c, n };
	}
	for (uint32_t cls = FREERDP_ERROR_ERRBASE_CLASS; cls <= FREERDP_ERROR_CONNECT_CLASS; cls++)
		for (uint32_t t = 0; t < 0x100 && n_le < 256; t++)
		{
			const char* n = rp_last_error_name((cls << 16) | t);
			if (cls != FREERDP_ERROR_ERRINFO_CLASS && n)
				le_table[n_le++] = (struct named){ (cls << 16) | t, n };
		}
}

uint32_t rp_errinfo_from_name(const char* name)
{
	const char* want = without(name, "ERRINFO_");

	pthread_once(&tables_once, build_tables);
	for (size_t i = 0; i < n_ei; i++)
		if (same_name(without(ei_table[i].name, "ERRINFO_"), want))
			return ei_table[i].code;
	return UINT32_MAX;
}

enum rp_errinfo_class rp_errinfo_class(uint32_t c)
{
	const char* cat;

	if (c == 0)
		return RP_EI_NONE;
	for (size_t i = 0; i < N_SPEC_ONLY; i++)
		if (spec_only[i].code == c)
			return spec_only[i].cls;
	if (!rp_errinfo_name(c))
		return RP_EI_UNKNOWN;
	/* FreeRDP's categories are close to the classes, but not the same: OUT_OF_MEMORY (0x6) is
	 * "administrative" there and a server fault here; REMOTEAPP_NOT_ENABLED (0x10F3) is a
	 * refusal; 0x10D3 and 0x1196 are FreeRDP's codes for its own side. */
	if (c == 0x6)
		return RP_EI_SERVER_FAULT;
	if (c == 0x7 || c == 0x9 || c == 0xA || c == 0x10F3)
		return RP_EI_DENIAL;
	if (c == 0x10D3 || c == 0x1196)
		return RP_EI_CLIENT;
	cat = freerdp_get_error_info_category(c);
	if (strcmp(cat, "administrative") == 0 || strcmp(cat, "use") == 0)
		return RP_EI_SESSION_END;
	if (strcmp(cat, "server") == 0)
		return RP_EI_SERVER_FAULT;
	if (strcmp(cat, "licensing") == 0)
		return RP_EI_LICENSING;
	if (strcmp(cat, "broker") == 0)
		return RP_EI_BROKER;
	if (strcmp(cat, "protocol") == 0)
		return RP_EI_PROTOCOL;
	return RP_EI_UNKNOWN;
}

const char* rp_errinfo_class_name(enum rp_errinfo_class c)
{
	static const char* const names[] = {
		[RP_EI_NONE] = "none",
		[RP_EI_DENIAL] = "a denial",
		[RP_EI_SESSION_END] = "the session's end, and by whom",
		[RP_EI_LICENSING] = "licensing",
		[RP_EI_BROKER] = "the connection broker",
		[RP_EI_SERVER_FAULT] = "a server fault",
		[RP_EI_PROTOCOL] = "a protocol error the server saw",
		[RP_EI_CLIENT] = "FreeRDP's own (the client side)",
		[RP_EI_UNKNOWN] = "unknown",
	};
	return (int)c >= 0 && c <= RP_EI_UNKNOWN ? names[c] : "unknown";
}

const char* rp_last_error_name(uint32_t code)
{
	const char* n;

	if ((code >> 16) == FREERDP_ERROR_ERRINFO_CLASS)
		return rp_errinfo_name(code & 0xFFFF);
	n = freerdp_get_last_error_name(code);
	return n && !strstr(n, "UNKNOWN") ? n : NULL;
}

uint32_t rp_last_error_from_name(const char* name)
{
	uint32_t ei;

	if (strncmp(name, "ERRINFO_", 8) == 0)
	{
		ei = rp_errinfo_from_name(name);
		return ei == UINT32_MAX ? ei : MAKE_FREERDP_ERROR(ERRINFO, ei);
	}
	pthread_once(&tables_once, build_tables);
	for (size_t i = 0; i < n_le; i++)
		if (same_name(le_table[i].name, name))
			return le_table[i].code;
	return UINT32_MAX;
}

/* Letters and digits only, lower case, without parenthesized asides ("([MS-RDPELE] section
 * 1.1)"): the form in which two wordings of one errorInfo text are compared. */
static size_t text_key(const char* s, char* out, size_t n)
{
	size_t k = 0;
	int depth = 0;

	for (; *s && k + 1 < n; s++)
	{
		if (*s == '(')
			depth++;
		else if (*s == ')' && depth > 0)
			depth--;
		else if (!depth && isalnum((unsigned char)*s))
			out[k++] = (char)tolower((unsigned char)*s);
	}
	out[k] = '\0';
	return k;
}

uint32_t rp_errinfo_from_text(const char* text)
{
	char want[512], have[512];
	size_t nw = text_key(text, want, sizeof(want)), best_len = 0;
	uint32_t best = UINT32_MAX;

	if (nw < 20)
		return UINT32_MAX;
	for (uint32_t c = 1; c < ERRINFO_SCAN_END; c++)
	{
		const char* t = rp_errinfo_text(c);
		size_t nh, k = 0;

		if (!t || !*t)
			continue;
		nh = text_key(t, have, sizeof(have));
		while (k < nw && k < nh && want[k] == have[k])
			k++;
		/* Most of the shorter one, and a long stretch: one wording of the same sentence
		 * ("his or her session" and "their session" differ at the end). */
		if (k >= 30 && k * 10 >= (nw < nh ? nw : nh) * 6 && k > best_len)
		{
			best_len = k;
			best = c;
		}
	}
	return best;
}
