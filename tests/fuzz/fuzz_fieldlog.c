/* fuzz_fieldlog.c: what `rdprepro classify` does with a file: recognise it (FreeRDP log,
 * Windows event as text or XML, evidence JSON), extract the facts, classify. Any bytes. */
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
	char* text = malloc(size + 1);

	if (!log || !text)
		goto out;
	/* A file is read as text: up to its first NUL, like rp_read_file's callers see it. */
	memcpy(text, data, size);
	text[size] = '\0';
	if (rp_fieldlog_parse("fuzz.log", text, log, &err))
		rp_fieldlog_classify(log, &fv);
	else if (!err.msg[0])
		abort(); /* a refusal always says why */
out:
	free(text);
	free(log);
	return 0;
}
