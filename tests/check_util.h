/* check_util.h: the one runner every Check test binary shares. */
#ifndef RDPREPRO_CHECK_UTIL_H
#define RDPREPRO_CHECK_UTIL_H

#include <check.h>
#include <stdlib.h>

/* Runs every test of `s` (each in its own process: a crash is a failure, not a dead
 * suite) and returns the process exit status. */
static inline int rp_check_run(Suite* s)
{
	SRunner* sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
