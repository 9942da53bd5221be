/* fuzz_scenario.c: the scenario parser (libinih + our key table and conflict checks) on any
 * bytes. Whatever the input, it must return true or false with a message, never crash, read
 * out of bounds or leak (ASan/UBSan/LSan watch under libFuzzer). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	struct rp_scenario* sc = malloc(sizeof(*sc));
	struct rp_err err = { "" };

	if (!sc)
		return 0;
	if (!rp_scenario_parse(sc, "fuzz.scn", (const char*)data, size, &err) && !err.msg[0])
		abort(); /* a refusal always says why */
	free(sc);
	return 0;
}
