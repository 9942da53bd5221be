/* errinfo.h: the server's errorInfo codes (MS-RDPBCGR 2.2.5.1.1, Set Error Info PDU) and the
 * FreeRDP last-error codes, named through FreeRDP's own tables (freerdp/error.h), with the
 * two codes FreeRDP 3.10 lacks; and the class each errorInfo code belongs to, which is what
 * the verdict reads. */
#ifndef RDPREPRO_ERRINFO_H
#define RDPREPRO_ERRINFO_H

#include <stdbool.h>
#include <stdint.h>

enum rp_errinfo_class
{
	RP_EI_NONE = 0,     /* 0 (success), or no code at all */
	RP_EI_DENIAL,       /* the server refuses the connection: 0x7-0xA, 0x10F3 */
	RP_EI_SESSION_END,  /* someone or something ended the session: 0x1-0x5, 0xB, 0xC, 0x19, 0x1A */
	RP_EI_LICENSING,    /* 0x100-0x10A */
	RP_EI_BROKER,       /* the connection broker: 0x400-0x412 */
	RP_EI_SERVER_FAULT, /* the server's own failure: 0x6, 0xF-0x18, 0x112D-0x112F */
	RP_EI_PROTOCOL,     /* the server saw a protocol error from the client: 0x10C9 on */
	RP_EI_CLIENT,       /* FreeRDP's own codes for its side (0x10D3, 0x1196): not the server's */
	RP_EI_UNKNOWN,      /* a code neither FreeRDP nor the spec names */
};

/* The code's name ("ERRINFO_SERVER_DENIED_CONNECTION"), or NULL if neither FreeRDP's table
 * nor the spec's additions have it. */
const char* rp_errinfo_name(uint32_t code);
/* Its text, as FreeRDP (or the spec) words it; "" if unknown. */
const char* rp_errinfo_text(uint32_t code);
/* The code for a name as logs print it (with or without the ERRINFO_ prefix; FreeRDP 2.x's
 * older spellings too), or UINT32_MAX. */
uint32_t rp_errinfo_from_name(const char* name);
/* The code whose text (FreeRDP's, or the spec's, which other clients print: IronRDP's
 * "Terminated gracefully: ...") a message holds, or UINT32_MAX: compared on letters and
 * digits, without asides in parentheses, on most of the shorter text; the longest match. */
uint32_t rp_errinfo_from_text(const char* text);
enum rp_errinfo_class rp_errinfo_class(uint32_t code);
const char* rp_errinfo_class_name(enum rp_errinfo_class c);

/* FreeRDP's name of a last-error code (class << 16 | type: "ERRCONNECT_CONNECT_FAILED"), or
 * NULL if FreeRDP does not know it. */
const char* rp_last_error_name(uint32_t code);
/* The code for an ERRCONNECT_ / ERRINFO_ / ERRBASE_ name, or UINT32_MAX. */
uint32_t rp_last_error_from_name(const char* name);

#endif
