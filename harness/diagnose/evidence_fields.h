/* evidence_fields.h: the evidence record's plain fields (a number, a time or a flag, written as
 * it is held), one row each in the order written. evidence_json.c writes them from these rows
 * and evidence_json_read.c reads them back from the same rows, so a key is spelt once. Private
 * to the evidence_*.c files. */
#ifndef RDPREPRO_EVIDENCE_FIELDS_H
#define RDPREPRO_EVIDENCE_FIELDS_H

#include <stddef.h>

enum ev_kind
{
	EV_U32,  /* uint32_t: a JSON integer */
	EV_U64,  /* uint64_t: a JSON integer */
	EV_BOOL, /* bool: a JSON boolean */
	EV_MS,   /* double: a JSON number, milliseconds to three decimals */
};

struct ev_field
{
	const char* key;
	size_t offset; /* in the struct its table is for */
	enum ev_kind kind;
};

struct ev_fields
{
	const struct ev_field* rows;
	size_t n;
};

extern const struct ev_fields ev_tcpinfo_fields;  /* struct rp_tcpinfo, every field */
extern const struct ev_fields ev_timers_fields;   /* struct rp_client_timers, all but known */
extern const struct ev_fields ev_liveness_fields; /* struct rp_liveness, all but result */
extern const struct ev_fields ev_sample_fields;   /* struct rp_session_sample, every field */

#endif
