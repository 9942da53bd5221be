/* fuzz_fieldlog.c: what `rdprepro classify` does with the bytes of a file: decode them (UTF-8,
 * UTF-16 with or without a BOM, an .evtx through libevtx), recognise them (FreeRDP log, Windows
 * event as text or XML, evidence JSON), extract the facts, classify. Any bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fieldlog.h"

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	struct rp_fieldlog* log = malloc(sizeof(*log));
	struct rp_field_verdict fv;
	struct rp_err err = { "" };

	if (!log)
		return 0;
	/* As classify reads a file: every byte, NULs included (rp_read_regular). */
	if (rp_fieldlog_parse_bytes("fuzz.log", (const char*)data, size, log, NULL, &err))
		rp_fieldlog_classify(log, &fv);
	else if (!err.msg[0])
		abort(); /* a refusal always says why */
	free(log);
	return 0;
}
